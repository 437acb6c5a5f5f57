#include "models/date.h"

#include <catch2/catch.hpp>

using cloudplan::models::Date;
using cloudplan::models::dateFromCivil;
using cloudplan::models::formatDate;
using cloudplan::models::parseDate;

TEST_CASE("the first of January 1970 is day zero") {
  CHECK(dateFromCivil(1970, 1, 1).days == 0);
  CHECK(dateFromCivil(1970, 1, 2).days == 1);
  CHECK(dateFromCivil(1969, 12, 31).days == -1);
  CHECK(dateFromCivil(2000, 3, 1).days == 11017);
}

TEST_CASE("a date in YYYY-MM-DD form is read") {
  const auto date = parseDate("2027-01-04");
  REQUIRE(date);
  CHECK(*date == dateFromCivil(2027, 1, 4));
}

TEST_CASE("a date in February of a leap year is read") {
  CHECK(parseDate("2028-02-29") == dateFromCivil(2028, 2, 29));
  CHECK(parseDate("2000-02-29") == dateFromCivil(2000, 2, 29));
}

TEST_CASE("the 29th of February of a common year is refused") {
  CHECK_FALSE(parseDate("2027-02-29"));
  CHECK_FALSE(parseDate("1900-02-29"));  // divisible by 100 but not by 400
}

TEST_CASE("a day past the end of its month is refused") {
  CHECK_FALSE(parseDate("2027-02-30"));
  CHECK_FALSE(parseDate("2027-04-31"));
  CHECK_FALSE(parseDate("2027-01-32"));
  CHECK(parseDate("2027-01-31"));
  CHECK(parseDate("2027-12-31"));
}

TEST_CASE("month and day zero and month thirteen are refused") {
  CHECK_FALSE(parseDate("2027-00-10"));
  CHECK_FALSE(parseDate("2027-13-10"));
  CHECK_FALSE(parseDate("2027-01-00"));
  CHECK_FALSE(parseDate("0000-01-01"));
}

TEST_CASE("a date in any other layout is refused") {
  for (const char* text :
       {"31/12/2027", "2027/12/31", "2027-1-01", "2027-01-1", "27-01-01", "2027-01-01T00:00",
        " 2027-01-01", "2027-01-01 ", "2027-0a-01", "+027-01-01", "", "2027--1-01"}) {
    INFO(text);
    CHECK_FALSE(parseDate(text));
  }
}

TEST_CASE("a date is written as YYYY-MM-DD") {
  CHECK(formatDate(Date{0}) == "1970-01-01");
  CHECK(formatDate(Date{-1}) == "1969-12-31");
  CHECK(formatDate(dateFromCivil(2027, 3, 1)) == "2027-03-01");
  CHECK(formatDate(dateFromCivil(2028, 2, 29)) == "2028-02-29");
  CHECK(formatDate(dateFromCivil(9, 7, 5)) == "0009-07-05");
}

TEST_CASE("every day from 1900 to 2200 reads back as it was written") {
  const Date first = dateFromCivil(1900, 1, 1), last = dateFromCivil(2200, 12, 31);
  for (Date d = first; d <= last; d = d + 1) {
    const auto back = parseDate(formatDate(d));
    REQUIRE(back);
    REQUIRE(*back == d);
  }
}

TEST_CASE("dates are compared and moved by whole days") {
  const Date a = dateFromCivil(2027, 1, 4);
  CHECK(a + 28 == dateFromCivil(2027, 2, 1));
  CHECK(a - 4 == dateFromCivil(2026, 12, 31));
  CHECK(dateFromCivil(2028, 1, 1) - dateFromCivil(2027, 1, 1) == 365);
  CHECK(dateFromCivil(2029, 1, 1) - dateFromCivil(2028, 1, 1) == 366);
  CHECK(a < a + 1);
  CHECK(a == dateFromCivil(2027, 1, 4));
}

TEST_CASE("the last day a plan can have is 9999-12-31") {
  CHECK(cloudplan::models::kLastDate == dateFromCivil(9999, 12, 31));
  CHECK(formatDate(cloudplan::models::kLastDate) == "9999-12-31");
  CHECK(parseDate("9999-12-31") == cloudplan::models::kLastDate);
}
