#include "models/shown_text.h"

namespace cloudplan::models {

void appendShownText(std::string& out, std::string_view text) {
  if (text.size() <= kLongestShownText) {
    out += text;
    return;
  }
  size_t cut = kLongestShownText - 3;  // room for the ellipsis
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  out += text.substr(0, cut);
  out += "\xE2\x80\xA6";
}

std::string shownText(std::string_view text) {
  std::string out;
  appendShownText(out, text);
  return out;
}

}  // namespace cloudplan::models
