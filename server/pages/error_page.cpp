// An error page: what went wrong and what to do, in the portal's frame when someone is signed in.
#include <fmt/format.h>

#include <string>

#include "exporters/reports/html_escape.h"
#include "server/pages/page_layout.h"
#include "server/portal_pages.h"

namespace cloudplan::server {

std::string errorPage(int status, std::string_view title, std::string_view message,
                      const PageContext* context) {
  std::string out;
  const std::string heading = fmt::format("{} {}", status, title);
  openPage(out, heading, context);
  out += "<h1>";
  exporters::appendHtmlEscaped(out, heading);
  out += "</h1>\n<p class=\"error-message\">";
  exporters::appendHtmlEscaped(out, message);
  out += "</p>\n<p>";
  if (context) {
    appendLink(out, "/", "Back to your home page");
  } else {
    appendLink(out, "/login", "Sign in");
  }
  out += "</p>\n";
  closePage(out);
  return out;
}

}  // namespace cloudplan::server
