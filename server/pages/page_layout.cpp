#include "server/pages/page_layout.h"

#include <fmt/format.h>

#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_style.h"
#include "exporters/reports/submission_feedback.h"

namespace cloudplan::server {

using exporters::appendHtmlEscaped;

namespace {

// The portal's own rules, after the pages' shared ones (kPageStyle) and the feedback's.
constexpr std::string_view kPortalStyle = R"css(
header.portal { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px;
                border-bottom: 2px solid var(--line); padding: 10px 0; }
header.portal .brand { font-weight: bold; font-size: 16px; color: var(--ink); text-decoration: none; }
header.portal nav { display: flex; flex-wrap: wrap; gap: 4px 16px; flex: 1; }
header.portal .account { color: var(--muted); }
header.portal form { margin: 0; }
.notice { background: #fff6d6; border-left: 6px solid #c9a227; padding: 8px 12px; margin: 16px 0 0;
          border-radius: 4px; }
.error-message { background: #fbe9eb; border-left: 6px solid #b2182b; padding: 8px 12px;
                 border-radius: 4px; }
.scroll { overflow: auto; max-height: 30em; margin: 8px 0 16px; border: 1px solid var(--line);
          border-radius: 4px; }
.scroll > table { margin: 0; }
.scroll thead th { position: sticky; top: 0; z-index: 1; }
.scroll caption { text-align: left; padding: 4px 6px; color: var(--muted); }
td.id, td .id { overflow-wrap: anywhere; }
form.panel { background: var(--panel); border-radius: 6px; padding: 12px 14px; margin: 8px 0 16px;
             display: grid; gap: 10px; max-width: 720px; }
form.panel label { font-weight: bold; display: block; margin-bottom: 2px; }
form.panel .hint { color: var(--muted); font-weight: normal; }
form.panel p { margin: 0 0 6px; }
form.panel input[type=text], form.panel input[type=password] { width: 100%; max-width: 36em;
                                                                box-sizing: border-box; }
form.inline { display: flex; flex-wrap: wrap; align-items: end; gap: 10px 16px; margin: 8px 0 16px; }
form.inline label { display: block; font-weight: bold; margin-bottom: 2px; }
input[type=text], input[type=password], input[type=date], select {
  font: inherit; padding: 5px 8px; border: 1px solid #9aa4ae; border-radius: 4px; min-width: 14em; }
input[type=file] { font: inherit; }
button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #1f5f99;
         background: #1f5f99; color: #ffffff; cursor: pointer; }
button.quiet { background: #ffffff; color: #1f5f99; padding: 3px 10px; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible {
  outline: 3px solid #f2b01e; outline-offset: 1px; }
pre.settings { background: var(--panel); padding: 8px 12px; border-radius: 4px; overflow: auto;
               max-height: 16em; font-size: 13px; }
ul.downloads { padding-left: 18px; }
ul.downloads li { margin: 3px 0; }
main.login { max-width: 440px; margin: 60px auto; }
)css";

}  // namespace

std::string_view portalStylesheet() {
  static const std::string sheet = std::string(exporters::kPageStyle) +
                                   std::string(exporters::feedbackStyle()) +
                                   std::string(kPortalStyle);
  return sheet;
}

void openPage(std::string& out, std::string_view title, const PageContext* context) {
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  appendHtmlEscaped(out, title);
  out +=
      " · cloudplan portal</title>\n<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n"
      "</head>\n<body>\n";
  if (!context) {
    out += "<main class=\"login\">\n";
    return;
  }
  out += "<header class=\"portal\">\n<a class=\"brand\" href=\"/\">cloudplan portal</a>\n";
  out += "<nav aria-label=\"Portal\">";
  switch (context->role) {
    case store::Role::agency:
      appendLink(out, agencyHref(context->agency), "My agency");
      break;
    case store::Role::reviewer:
    case store::Role::national:
      appendLink(out, "/national", "Agencies");
      appendLink(out, "/plans", "Plans");
      appendLink(out, "/review", "Latest plan");
      break;
  }
  out += "</nav>\n<span class=\"account\">Signed in as <b>";
  appendHtmlEscaped(out, context->account);
  out += "</b> (";
  out += store::nameOf(context->role);
  if (context->role == store::Role::agency) {
    out += ", ";
    appendHtmlEscaped(out, context->agency);
  }
  out += ")</span>\n<form method=\"post\" action=\"/logout\">";
  appendCsrfField(out, *context);
  out += "<button class=\"quiet\" type=\"submit\">Sign out</button></form>\n</header>\n";
  if (!context->notice.empty()) {
    out += "<p class=\"notice\" role=\"status\">";
    appendHtmlEscaped(out, context->notice);
    out += "</p>\n";
  }
  out += "<main>\n";
}

void closePage(std::string& out) {
  out += "</main>\n</body>\n</html>\n";
}

void appendCsrfField(std::string& out, const PageContext& context) {
  out += "<input type=\"hidden\" name=\"csrf\" value=\"";
  appendHtmlEscaped(out, context.csrf);
  out += "\">";
}

void appendLink(std::string& out, std::string_view href, std::string_view text) {
  out += "<a href=\"";
  out += href;
  out += "\">";
  appendHtmlEscaped(out, text);
  out += "</a>";
}

void appendTime(std::string& out, std::string_view utc) {
  out += "<time datetime=\"";
  appendHtmlEscaped(out, utc);
  out += "\">";
  // 2027-01-10T09:00:00Z: the date and the minute are what a reader compares.
  const bool plain = utc.size() == 20 && utc[10] == 'T' && utc[19] == 'Z';
  if (plain) {
    appendHtmlEscaped(out, utc.substr(0, 10));
    out += ' ';
    appendHtmlEscaped(out, utc.substr(11, 5));
  } else {
    appendHtmlEscaped(out, utc);
  }
  out += "</time>";
}

void openScrollTable(std::string& out, std::string_view caption,
                     std::initializer_list<std::string_view> columns) {
  out += "<div class=\"scroll\"><table>";
  if (!caption.empty()) {
    out += "<caption>";
    appendHtmlEscaped(out, caption);
    out += "</caption>";
  }
  out += "<thead><tr>";
  for (const std::string_view column : columns) {
    // A column of figures is set right, as the report's are; its name says so with a '#'.
    if (column.starts_with('#')) {
      out += "<th class=\"number\" scope=\"col\">";
      out += column.substr(1);
    } else {
      out += "<th scope=\"col\">";
      out += column;
    }
    out += "</th>";
  }
  out += "</tr></thead><tbody>\n";
}

void closeScrollTable(std::string& out) {
  out += "</tbody></table></div>\n";
}

std::string agencyHref(std::string_view code) {
  return "/agencies/" + exporters::hrefSegmentFor(code);
}

std::string submissionHref(uint32_t number) {
  return fmt::format("/submissions/{}", number);
}

}  // namespace cloudplan::server
