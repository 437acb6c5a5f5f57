#include "importers/text_encoding.h"

#include <fmt/format.h>

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>

#include "models/diagnostic.h"
#include "models/vocabulary.h"

namespace cloudplan::importers {

void stripByteOrderMark(std::string& text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
}

namespace {

// Length of the valid UTF-8 sequence at `p`, or 0 (RFC 3629: no overlongs, no surrogates).
size_t utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  auto continuation = [&](size_t i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] > 0x9F) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] > 0x8F) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

std::optional<EncodingProblem> findEncodingProblem(std::string_view text) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const auto* p = begin;
  while (p < end) {
    // Plain ASCII in words of eight: the common case costs a load and a mask.
    while (end - p >= 8) {
      uint64_t word;
      std::copy(p, p + 8, reinterpret_cast<unsigned char*>(&word));
      const bool highBit = word & 0x8080808080808080ull;
      const bool zeroByte = (word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull;
      if (highBit || zeroByte) break;
      p += 8;
    }
    if (p >= end) break;
    if (*p == 0) {
      const auto line = static_cast<uint32_t>(std::count(begin, p, '\n') + 1);
      return EncodingProblem{line, "binary-file", "NUL byte: this is not a text file"};
    }
    const size_t length = utf8SequenceLength(p, end);
    if (length == 0) {
      const auto line = static_cast<uint32_t>(std::count(begin, p, '\n') + 1);
      return EncodingProblem{
          line, "not-utf8",
          fmt::format("not UTF-8 (byte 0x{:02x}); save the file as UTF-8 (in a spreadsheet: "
                      "CSV UTF-8)",
                      *p)};
    }
    p += length;
  }
  return std::nullopt;
}

namespace {

struct EncodingName {
  std::string_view name;
  const char* iconvName;
};

constexpr std::array<EncodingName, 9> kConvertible = {{{"windows-1252", "WINDOWS-1252"},
                                                       {"cp1252", "WINDOWS-1252"},
                                                       {"x-cp1252", "WINDOWS-1252"},
                                                       {"iso-8859-1", "ISO-8859-1"},
                                                       {"iso8859-1", "ISO-8859-1"},
                                                       {"iso_8859-1", "ISO-8859-1"},
                                                       {"latin1", "ISO-8859-1"},
                                                       {"latin-1", "ISO-8859-1"},
                                                       {"l1", "ISO-8859-1"}}};

const char* iconvNameOf(std::string_view encoding) {
  for (const auto& known : kConvertible) {
    if (models::equalsIgnoreCase(known.name, encoding)) return known.iconvName;
  }
  return nullptr;
}

// Closes the conversion descriptor on every way out.
class Converter {
 public:
  explicit Converter(const char* from) : cd_(iconv_open("UTF-8", from)) {}
  ~Converter() {
    if (ok()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

}  // namespace

bool isConvertibleEncoding(std::string_view encoding) {
  return iconvNameOf(encoding) != nullptr;
}

std::optional<EncodingProblem> convertToUtf8(std::string& text, std::string_view encoding) {
  const auto unsupported = [&] {
    return EncodingProblem{1, "unsupported-encoding",
                           fmt::format("the file declares encoding {}, which cloudplan does not "
                                       "read (save it as UTF-8)",
                                       models::quoted(encoding))};
  };
  const char* from = iconvNameOf(encoding);
  if (!from) return unsupported();
  Converter converter(from);
  if (!converter.ok()) return unsupported();
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  char* in = text.data();
  size_t inLeft = text.size();
  std::array<char, 65536> buffer;
  while (inLeft > 0) {
    char* to = buffer.data();
    size_t outLeft = buffer.size();
    const size_t result = iconv(converter.get(), &in, &inLeft, &to, &outLeft);
    out.append(buffer.data(), buffer.size() - outLeft);
    if (result == static_cast<size_t>(-1) && errno != E2BIG) {
      const auto line = static_cast<uint32_t>(std::count(text.data(), in, '\n') + 1);
      return EncodingProblem{
          line, "not-utf8",
          fmt::format("byte 0x{:02x} is not a character of the declared encoding {} (save the "
                      "file as UTF-8)",
                      static_cast<unsigned char>(*in), models::quoted(encoding))};
    }
  }
  text = std::move(out);
  return std::nullopt;
}

}  // namespace cloudplan::importers
