#include "exporters/reports/html_escape.h"

#include <fmt/format.h>

#include "models/printable_text.h"

namespace cloudplan::exporters {

void appendHtmlEscaped(std::string& out, std::string_view text) {
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const char* replacement = nullptr;
    switch (c) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        replacement = "&quot;";
        break;
      case '\'':
        replacement = "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        continue;
      default: {
        if (const size_t length = models::bidiControlLength(text, i); length > 0) {
          // Written out: a browser obeys an override, which would reverse the rest of the line.
          out.append(text.data() + plain, i - plain);
          out += models::printable(text.substr(i, length), models::Bidi::escape);
          i += length - 1;
          plain = i + 1;
          continue;
        }
        if (c >= 0x20 && c != 0x7f) continue;
        replacement = "\xEF\xBF\xBD";
      }
    }
    out.append(text.data() + plain, i - plain);
    out += replacement;
    plain = i + 1;
  }
  out.append(text.data() + plain, text.size() - plain);
}

void appendHtmlList(std::string& out, const std::vector<std::string>& items,
                    std::string_view listClass) {
  if (items.empty()) return;
  out += "<ul class=\"";
  out += listClass;
  out += "\">";
  for (const std::string& item : items) {
    out += "<li>";
    appendHtmlEscaped(out, item);
    out += "</li>";
  }
  out += "</ul>";
}

std::string htmlEscaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  appendHtmlEscaped(out, text);
  return out;
}

std::string hrefFor(std::string_view path) {
  std::string href;
  href.reserve(path.size());
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (plain) {
      href += c;
    } else {
      href += fmt::format("%{:02X}", u);
    }
  }
  return href;
}

std::string hrefSegmentFor(std::string_view name) {
  std::string href;
  for (const char c : hrefFor(name))
    href += c == '/' ? std::string_view("%2F") : std::string_view(&c, 1);
  return href;
}

}  // namespace cloudplan::exporters
