#include "exporters/text_sink.h"

namespace cloudplan::exporters {

bool TextSink::flush() {
  if (!write_) return true;  // it keeps the text
  if (!failed_ && !text_.empty()) failed_ = !write_(text_);
  text_.clear();
  return !failed_;
}

void TextSink::write(std::string_view whole) {
  if (!write_) {
    text_ += whole;
    return;
  }
  if (flush() && !whole.empty()) failed_ = !write_(whole);
}

}  // namespace cloudplan::exporters
