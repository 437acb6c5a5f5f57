// GET /login: the sign-in form, the only page shown to nobody.
#include <string>

#include "exporters/reports/html_escape.h"
#include "server/pages/page_layout.h"
#include "server/portal_pages.h"

namespace cloudplan::server {

std::string loginPage(std::string_view nonce, std::string_view message) {
  std::string out;
  openPage(out, "Sign in", nullptr);
  out +=
      "<h1>cloudplan portal</h1>\n<p class=\"lead\">The national inventory's submissions, "
      "feedback and plans. Sign in with your account's name and the token the national office "
      "gave you.</p>\n";
  if (!message.empty()) {
    out += "<p class=\"error-message\" role=\"alert\">";
    exporters::appendHtmlEscaped(out, message);
    out += "</p>\n";
  }
  out +=
      "<form class=\"panel\" method=\"post\" action=\"/login\">\n<input type=\"hidden\" "
      "name=\"nonce\" value=\"";
  exporters::appendHtmlEscaped(out, nonce);
  out +=
      "\">\n<div><label for=\"name\">Account</label><input type=\"text\" id=\"name\" "
      "name=\"name\" autocomplete=\"username\" required autofocus></div>\n"
      "<div><label for=\"token\">Token</label><input type=\"password\" id=\"token\" "
      "name=\"token\" autocomplete=\"current-password\" required></div>\n"
      "<div><button type=\"submit\">Sign in</button></div>\n</form>\n";
  closePage(out);
  return out;
}

}  // namespace cloudplan::server
