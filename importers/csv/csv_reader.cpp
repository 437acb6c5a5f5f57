#include "importers/csv/csv_reader.h"

#include <fmt/format.h>

namespace cloudplan::importers {
namespace {

// No inventory has this many columns; a row with more is not a table (and each cell costs memory).
constexpr size_t kMaxCells = 10'000;

bool isBlankCharacter(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

}  // namespace

std::string_view trimBlanks(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && isBlankCharacter(text[begin]))
    ++begin;
  while (end > begin && isBlankCharacter(text[end - 1]))
    --end;
  return text.substr(begin, end - begin);
}

bool CsvReader::isBlank(char c) const {
  return isBlankCharacter(c) && c != delimiter_;
}

std::string_view CsvReader::trim(std::string_view text) const {
  size_t begin = 0, end = text.size();
  while (begin < end && isBlank(text[begin]))
    ++begin;
  while (end > begin && isBlank(text[end - 1]))
    --end;
  return text.substr(begin, end - begin);
}

CsvReader::CsvReader(char* data, size_t size, char delimiter)
    : data_(data), size_(size), delimiter_(delimiter) {}

bool CsvReader::next() {
  while (!error_ && pos_ < size_) {
    if (!readRecord()) return false;
    for (std::string_view cell : cells_) {
      if (!cell.empty()) return true;
    }
  }
  return false;
}

bool CsvReader::readRecord() {
  cells_.clear();
  recordLine_ = currentLine_;
  while (true) {
    size_t start = pos_;
    while (start < size_ && data_[start] != '\r' && isBlank(data_[start]))
      ++start;
    std::string_view cell;
    if (start < size_ && data_[start] == '"') {
      pos_ = start;
      if (!readQuotedCell(cell)) return false;
    } else {
      readPlainCell(cell);
    }
    if (cells_.size() == kMaxCells) {
      error_ = CsvError{recordLine_, "too-many-cells",
                        fmt::format("a row of more than {} cells; the rest of the file is not "
                                    "read (is this an inventory CSV file?)",
                                    kMaxCells)};
      return false;
    }
    cells_.push_back(cell);
    if (pos_ >= size_) return true;
    const char c = data_[pos_++];
    if (c == '\n') {
      ++currentLine_;
      return true;
    }
    // Otherwise c is the delimiter: another cell follows.
  }
}

void CsvReader::readPlainCell(std::string_view& cell) {
  const size_t start = pos_;
  while (pos_ < size_ && data_[pos_] != delimiter_ && data_[pos_] != '\n')
    ++pos_;
  cell = trim(std::string_view(data_ + start, pos_ - start));
}

bool CsvReader::readQuotedCell(std::string_view& cell) {
  const uint32_t openedOn = currentLine_;
  ++pos_;  // the opening quote
  const size_t begin = pos_;
  size_t out = pos_;
  while (true) {
    if (pos_ >= size_) {
      error_ = CsvError{openedOn, "unterminated-quote",
                        "a quoted cell is never closed (add the missing '\"')"};
      return false;
    }
    const char c = data_[pos_];
    if (c == '"') {
      if (pos_ + 1 < size_ && data_[pos_ + 1] == '"') {
        data_[out++] = '"';
        pos_ += 2;
        continue;
      }
      ++pos_;
      break;
    }
    if (c == '\n') ++currentLine_;
    data_[out++] = c;
    ++pos_;
  }
  cell = trim(std::string_view(data_ + begin, out - begin));
  while (pos_ < size_ && isBlank(data_[pos_]))
    ++pos_;
  if (pos_ < size_ && data_[pos_] != delimiter_ && data_[pos_] != '\n') {
    error_ = CsvError{currentLine_, "text-after-quote",
                      "text after the closing quote of a quoted cell; the rest of the file is "
                      "not read (write a quote inside a quoted cell as \"\")"};
    return false;
  }
  return true;
}

}  // namespace cloudplan::importers
