// RFC 4180 records from a text buffer. The buffer is parsed in place: a quoted cell is unescaped
// into the bytes it came from, so every cell is a view and nothing is allocated per cell.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cloudplan::importers {

struct CsvError {
  uint32_t line = 0;
  std::string code;
  std::string message;
};

class CsvReader {
 public:
  // A tab `delimiter` separates cells; it is then no blank to trim.
  CsvReader(char* data, size_t size, char delimiter = ',');

  // Moves to the next record that has a non-blank cell; false at the end or on an error.
  bool next();

  // The record's cells, each trimmed of surrounding blanks (outside and inside the quotes).
  std::span<const std::string_view> cells() const { return cells_; }
  // The line on which the record starts (a quoted cell may span lines).
  uint32_t line() const { return recordLine_; }
  // Set when the text cannot be read as CSV; reading stops there.
  const std::optional<CsvError>& error() const { return error_; }

 private:
  bool readRecord();
  bool readQuotedCell(std::string_view& cell);
  void readPlainCell(std::string_view& cell);
  bool isBlank(char c) const;
  std::string_view trim(std::string_view text) const;

  char* data_;
  size_t size_;
  size_t pos_ = 0;
  char delimiter_;
  uint32_t currentLine_ = 1;
  uint32_t recordLine_ = 0;
  std::vector<std::string_view> cells_;
  std::optional<CsvError> error_;
};

// Without the spaces, tabs and CRs at both ends.
std::string_view trimBlanks(std::string_view text);

}  // namespace cloudplan::importers
