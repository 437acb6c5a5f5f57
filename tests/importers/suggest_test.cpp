#include "importers/suggest.h"

#include <catch2/catch.hpp>

#include <deque>
#include <random>
#include <string>
#include <vector>

using cloudplan::importers::editDistance;
using cloudplan::importers::Suggester;

namespace {

// Deterministic ids shaped like a government's: "AGENCY/word-word", from a fixed seed.
std::deque<std::string> generatedIds(size_t count, uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> letter('a', 'z');
  std::uniform_int_distribution<int> length(4, 8);
  std::deque<std::string> ids;
  for (size_t i = 0; i < count; ++i) {
    std::string id = "M" + std::to_string(i % 97) + "/";
    for (int part = 0; part < 2; ++part) {
      if (part) id += '-';
      for (int n = length(random); n > 0; --n)
        id += static_cast<char>(letter(random));
    }
    ids.push_back(std::move(id));
  }
  return ids;
}

std::vector<std::string_view> viewsOf(const std::deque<std::string>& ids) {
  return {ids.begin(), ids.end()};
}

// The known names at the smallest edit distance (up to 3) from `unknown`, by brute force.
std::vector<std::string_view> nearest(const std::vector<std::string_view>& known,
                                      std::string_view unknown, size_t& distance) {
  std::vector<std::string_view> best;
  distance = SIZE_MAX;
  for (std::string_view name : known) {
    const size_t d = editDistance(unknown, name, 3);
    if (d < distance) best.clear(), distance = d;
    if (d == distance) best.push_back(name);
  }
  return best;
}

}  // namespace

TEST_CASE("the edit distance counts inserted, deleted, replaced and swapped characters") {
  CHECK(editDistance("payroll", "payroll", 5) == 0);
  CHECK(editDistance("payrol", "payroll", 5) == 1);
  CHECK(editDistance("payroll", "pay-roll", 5) == 1);
  CHECK(editDistance("payroll", "paxroll", 5) == 1);
  CHECK(editDistance("kitten", "sitting", 5) == 3);
  CHECK(editDistance("", "abc", 5) == 3);
  CHECK(editDistance("abc", "", 5) == 3);
  CHECK(editDistance("ab", "ba", 5) == 1);   // swapped neighbours are one edit
  CHECK(editDistance("abc", "ca", 5) == 3);  // but a swapped pair is not edited again
}

TEST_CASE("the edit distance ignores letter case") {
  CHECK(editDistance("MOF/Payroll", "mof/payroll", 3) == 0);
  CHECK(editDistance("MOE-EBX", "moe-exb", 3) == 1);
}

TEST_CASE("the edit distance stops at its limit") {
  CHECK(editDistance("abcdefgh", "zyxwvuts", 2) == 3);
  CHECK(editDistance("a", "abcdefgh", 3) == 4);  // lengths alone tell
  CHECK(editDistance("kitten", "sitting", 3) == 3);
  CHECK(editDistance("kitten", "sitting", 2) == 3);
}

TEST_CASE("a misspelt name gets the closest known name") {
  const std::vector<std::string_view> known = {"MOF/payroll", "MOF/payroll-db", "MOF/ifmis",
                                               "MOH/his"};
  Suggester suggester(known);
  CHECK(suggester.closest("MOF/payrol") == "MOF/payroll");
  CHECK(suggester.closest("MOF/ifmiss") == "MOF/ifmis");
  CHECK(suggester.closest("moh/HIS") == "MOH/his");
}

TEST_CASE("a name far from every known name gets no suggestion") {
  Suggester suggester({"MOF/payroll", "MOH/his"});
  CHECK_FALSE(suggester.closest("DGA/sso"));
  CHECK_FALSE(suggester.closest("completely-different"));
}

TEST_CASE("nothing is suggested from an empty vocabulary") {
  Suggester suggester({});
  CHECK_FALSE(suggester.closest("anything"));
}

TEST_CASE("a short name is suggested within two edits and a long one within a third") {
  Suggester small({"ab"});
  CHECK(small.closest("xy") == "ab");  // two edits: plausible for any name
  CHECK_FALSE(small.closest("xyz"));   // three edits for three characters
  Suggester large({"abcdefghijkl"});   // 12 characters: up to 4 edits
  CHECK(large.closest("abcdefghWXYZ") == "abcdefghijkl");
  CHECK_FALSE(large.closest("abcdefgVWXYZ"));
}

TEST_CASE("of equally close names the earlier one is suggested") {
  Suggester suggester({"MOF/gl-a", "MOF/gl-b"});
  CHECK(suggester.closest("MOF/gl-c") == "MOF/gl-a");
  Suggester reversed({"MOF/gl-b", "MOF/gl-a"});
  CHECK(reversed.closest("MOF/gl-c") == "MOF/gl-b");
}

TEST_CASE("a vocabulary value gets its closest name") {
  Suggester strategies(
      {"rehost", "replatform", "refactor", "repurchase", "relocate", "retire", "retain"});
  CHECK(strategies.closest("rehosting") == "rehost");
  CHECK(strategies.closest("refactr") == "refactor");
}

TEST_CASE("two swapped letters suggest the name they were swapped in") {
  // Were a swap two edits, "retian" would be as close to "retire" as to "retain", and the
  // earlier "retire" would win: the opposite of what was meant.
  Suggester strategies(
      {"rehost", "replatform", "refactor", "repurchase", "relocate", "retire", "retain"});
  CHECK(strategies.closest("retian") == "retain");
  Suggester ids({"MOF/payroll-ab", "MOF/payroll-ba"});
  CHECK(ids.closest("MOF/payroll-ba") == "MOF/payroll-ba");
  CHECK(ids.closest("MOF/payrlol-ba") == "MOF/payroll-ba");
}

TEST_CASE("typos among 100000 generated ids get the right suggestions") {
  const auto ids = generatedIds(100'000, 7);
  const auto known = viewsOf(ids);
  Suggester suggester(known);
  struct Typo {
    size_t of;
    std::string text;
  };
  std::vector<Typo> typos;
  auto edit = [&](size_t of, auto change) {
    std::string text(ids[of]);
    change(text);
    typos.push_back({of, text});
  };
  edit(12, [](std::string& t) { t.erase(t.size() - 1); });      // a letter left out
  edit(4321, [](std::string& t) { t.insert(5, "q"); });         // a letter too many
  edit(50'000, [](std::string& t) { t[t.size() - 2] = '0'; });  // a letter replaced
  edit(77'777, [](std::string& t) { std::swap(t[4], t[5]); });  // two letters swapped
  edit(99'999, [](std::string& t) {                             // letter case
    for (char& c : t)
      c = static_cast<char>(std::toupper(c));
  });
  for (const Typo& typo : typos) {
    INFO(typo.text << " from " << ids[typo.of]);
    size_t distance = 0;
    const auto best = nearest(known, typo.text, distance);
    REQUIRE(best == std::vector<std::string_view>{ids[typo.of]});  // the typo is unambiguous
    CHECK(suggester.closest(typo.text) == std::string_view(ids[typo.of]));
  }
}

TEST_CASE("ten thousand misspelt ids among 100000 each get a suggestion one edit away") {
  const auto ids = generatedIds(100'000, 11);
  const auto known = viewsOf(ids);
  Suggester suggester(known);
  std::mt19937 random(5);
  size_t exact = 0;
  for (size_t i = 0; i < 10'000; ++i) {
    const std::string& original = ids[(i * 7919) % ids.size()];
    std::string typo = original;
    const size_t at = 3 + random() % (typo.size() - 3);
    switch (i % 3) {
      case 0:
        typo[at] = typo[at] == 'z' ? 'y' : 'z';
        break;
      case 1:
        typo.erase(at, 1);
        break;
      default:
        typo.insert(at, 1, 'k');
        break;
    }
    const auto suggestion = suggester.closest(typo);
    REQUIRE(suggestion);
    REQUIRE(editDistance(*suggestion, typo, 5) <= 1);
    exact += *suggestion == original;
  }
  CHECK(exact > 9'900);  // a few typos land as close to another id
}

TEST_CASE("ten thousand unknown ids with no close match among 100000 are all answered") {
  const auto ids = generatedIds(100'000, 13);
  Suggester suggester(viewsOf(ids));
  size_t suggested = 0;
  for (size_t i = 0; i < 10'000; ++i)
    suggested += suggester.closest("ZZ" + std::to_string(i * 7) + "#0000000000000").has_value();
  CHECK(suggested == 0);
}

TEST_CASE("a name of megabytes is neither suggested nor given a suggestion, at once") {
  // Its edit distance to a near copy would take hours: 5 MB by 5 MB.
  const std::string huge = "MOJ/" + std::string(5'000'000, 'x');
  std::string typo = huge;
  typo.back() = 'y';
  std::vector<std::string_view> few{huge, "MOJ/courts"};
  CHECK_FALSE(Suggester(few).closest(typo));
  CHECK(*Suggester(few).closest("MOJ/courtz") == "MOJ/courts");
  // Past kScanAlways names the index answers; the long name is left out of it.
  std::deque<std::string> ids = generatedIds(1000, 5);
  std::vector<std::string_view> many(ids.begin(), ids.end());
  many.push_back(huge);
  Suggester suggester(many);
  CHECK_FALSE(suggester.closest(typo));
  CHECK(*suggester.closest(ids[10] + "q") == ids[10]);
}
