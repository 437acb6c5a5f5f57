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
    if (*p == 0) return nulByteProblem(text, static_cast<size_t>(p - begin));
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

// True when the start of `text` is UTF-16 that has no byte-order mark: in each pair of bytes one,
// the same one throughout, is mostly zero (Latin text) and the other almost never.
bool looksLikeUtf16WithoutByteOrderMark(std::string_view text) {
  const size_t length = std::min<size_t>(text.size(), 512) & ~size_t{1};
  const size_t pairs = length / 2;
  if (pairs < 2) return false;
  std::array<size_t, 2> zeros{};
  for (size_t i = 0; i < length; ++i)
    zeros[i % 2] += text[i] == '\0';
  const auto mostly = [&](size_t n) { return n * 4 >= pairs * 3; };
  const auto rarely = [&](size_t n) { return n * 16 <= pairs; };
  return (mostly(zeros[0]) && rarely(zeros[1])) || (mostly(zeros[1]) && rarely(zeros[0]));
}

}  // namespace

EncodingProblem nulByteProblem(std::string_view text, size_t at, std::string_view expected) {
  if (looksLikeUtf16WithoutByteOrderMark(text)) {
    return EncodingProblem{1, "not-utf8",
                           "the file is UTF-16 without a byte-order mark, which cloudplan cannot "
                           "tell from other bytes (save it as CSV UTF-8, or as Unicode text, "
                           "which starts with a byte-order mark)"};
  }
  const auto line = static_cast<uint32_t>(std::count(text.begin(), text.begin() + at, '\n') + 1);
  return EncodingProblem{line, "binary-file",
                         fmt::format("NUL byte: this is not a text file (name {}; from a "
                                     "spreadsheet, save the sheet as CSV UTF-8)",
                                     expected)};
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

namespace {

// Converts text[skip..] from `from` to UTF-8; on a sequence `from` does not define, `text` is left
// as it was and the offset of the sequence is returned. nullopt when iconv does not know `from`.
std::optional<std::optional<size_t>> iconvToUtf8(std::string& text, const char* from,
                                                 size_t skip = 0) {
  Converter converter(from);
  if (!converter.ok()) return std::nullopt;
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  char* in = text.data() + skip;
  size_t inLeft = text.size() - skip;
  std::array<char, 65536> buffer;
  while (inLeft > 0) {
    char* to = buffer.data();
    size_t outLeft = buffer.size();
    const size_t result = iconv(converter.get(), &in, &inLeft, &to, &outLeft);
    out.append(buffer.data(), buffer.size() - outLeft);
    // EILSEQ: not a character of `from`; EINVAL: a sequence cut short by the end of the text.
    if (result == static_cast<size_t>(-1) && errno != E2BIG) {
      return std::optional<size_t>(static_cast<size_t>(in - text.data()));
    }
  }
  text = std::move(out);
  return std::optional<size_t>();
}

uint32_t lineAt(std::string_view text, size_t at) {
  return static_cast<uint32_t>(std::count(text.begin(), text.begin() + at, '\n') + 1);
}

// windows-1252 defines every byte but these five.
bool isWindows1252Character(unsigned char c) {
  return c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D;
}

}  // namespace

std::optional<EncodingProblem> convertToUtf8(std::string& text, std::string_view encoding) {
  const auto unsupported = [&] {
    return EncodingProblem{1, "unsupported-encoding",
                           fmt::format("the file declares encoding {}, which cloudplan does not "
                                       "read (save it as UTF-8)",
                                       models::quoted(encoding))};
  };
  const char* from = iconvNameOf(encoding);
  if (!from) return unsupported();
  const auto converted = iconvToUtf8(text, from);
  if (!converted) return unsupported();
  if (const auto at = *converted) {
    return EncodingProblem{
        lineAt(text, *at), "not-utf8",
        fmt::format("byte 0x{:02x} is not a character of the declared encoding {} (save the "
                    "file as UTF-8)",
                    static_cast<unsigned char>(text[*at]), models::quoted(encoding))};
  }
  return std::nullopt;
}

bool hasUtf16ByteOrderMark(std::string_view text) {
  return text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
}

std::optional<EncodingProblem> convertUtf16ToUtf8(std::string& text) {
  const bool littleEndian = text.starts_with("\xFF\xFE");
  const auto converted = iconvToUtf8(text, littleEndian ? "UTF-16LE" : "UTF-16BE", 2);
  if (converted && !*converted) return std::nullopt;
  // iconv stopped at `at`; the lines before it end in the LF code units among its first bytes.
  const size_t at = converted ? **converted : 2;
  uint32_t line = 1;
  for (size_t i = 2; i + 1 < at; i += 2) {
    const char low = text[littleEndian ? i : i + 1], high = text[littleEndian ? i + 1 : i];
    line += low == '\n' && high == '\0';
  }
  return EncodingProblem{line, "not-utf8",
                         fmt::format("not UTF-16 at byte {}, though the file starts with a UTF-16 "
                                     "byte-order mark (save it as UTF-8: in a spreadsheet, CSV "
                                     "UTF-8)",
                                     at + 1)};
}

std::optional<EncodingProblem> checkCsvEncoding(std::string& text, std::string_view encoding) {
  auto problem = findEncodingProblem(text);
  if (!problem || problem->code != "not-utf8") return problem;
  if (!encoding.empty()) {
    if (auto conversion = convertToUtf8(text, encoding)) return conversion;
    return findEncodingProblem(text);
  }
  const bool windows1252 =
      std::all_of(text.begin(), text.end(), [](char c) { return isWindows1252Character(c); });
  if (windows1252) {
    const size_t at = problem->message.find(')');
    problem->message = fmt::format(
        "{}; it looks like windows-1252, the Western European encoding of Windows (read it "
        "with --encoding windows-1252, or save it as UTF-8: in a spreadsheet, CSV UTF-8)",
        problem->message.substr(0, at + 1));
  }
  return problem;
}

}  // namespace cloudplan::importers
