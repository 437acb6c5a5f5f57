#include "server/credentials.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace cloudplan::server;

namespace {

// 43 characters of base64url that decode to 32 bytes: all zero, and all ones (which uses '_',
// the character that also ends a token's id, and a last character with its unused bits zero).
const std::string kZeros(43, 'A');
const std::string kOnes = std::string(42, '_') + "w";

bool isBase64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

struct Init {
  Init() { REQUIRE(initCredentials()); }
};

}  // namespace

TEST_CASE("account tokens are cpt_, the id, _ and 43 characters of base64url, each one new",
          "[credentials]") {
  Init init;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string token = newAccountToken(42);
    REQUIRE(token.size() == 4 + 2 + 1 + 43);
    CHECK(token.starts_with("cpt_42_"));
    for (char c : token.substr(7))
      REQUIRE(isBase64url(c));
    CHECK(accountIdOfToken(token) == 42);
    seen.insert(token);
  }
  CHECK(seen.size() == 200);
  const std::string big = newAccountToken(9223372036854775807);
  CHECK(accountIdOfToken(big) == 9223372036854775807);
  CHECK_THROWS_AS(newAccountToken(0), std::invalid_argument);
  CHECK_THROWS_AS(newAccountToken(-3), std::invalid_argument);
}

TEST_CASE("a token's id is read back when the key holds '_' and at the largest id",
          "[credentials]") {
  CHECK(accountIdOfToken("cpt_1_" + kZeros) == 1);
  CHECK(accountIdOfToken("cpt_7_" + kOnes) == 7);
  CHECK(accountIdOfToken("cpt_1_1_" + kZeros.substr(2)) == 1);  // a key may begin "1_"
  CHECK(accountIdOfToken("cpt_9223372036854775807_" + kZeros) == 9223372036854775807);
}

TEST_CASE("every malformed token is refused", "[credentials]") {
  const std::vector<std::string> malformed{
      "",
      "cpt_",
      "cpt_1",
      "cpt_1_",
      "cpt__" + kZeros,                         // no id
      "cpt_0_" + kZeros,                        // ids start at 1
      "cpt_01_" + kZeros,                       // leading zero
      "cpt_00_" + kZeros,                       //
      "cpt_-1_" + kZeros,                       // sign
      "cpt_+1_" + kZeros,                       //
      "cpt_ 1_" + kZeros,                       // space in the id
      "cpt_1a_" + kZeros,                       // not a digit
      "cpt_1 _" + kZeros,                       //
      "cpt_0x1_" + kZeros,                      // hex
      "cpt_\xd9\xa1_" + kZeros,                 // ARABIC-INDIC DIGIT ONE
      "cpt_9223372036854775808_" + kZeros,      // one over int64_t
      "cpt_18446744073709551617_" + kZeros,     // wraps around in 64 bits to 1
      "cpt_99999999999999999999999_" + kZeros,  //
      "cpt_1" + kZeros,                         // no '_' after the id
      "cpt_1-" + kZeros,                        // another separator
      "CPT_1_" + kZeros,                        // prefix in capitals
      "cpt1_" + kZeros,                         //
      "cp_1_" + kZeros,                         //
      "xcpt_1_" + kZeros,                       //
      " cpt_1_" + kZeros,                       // surrounding white space
      "cpt_1_" + kZeros + " ",                  //
      "cpt_1_" + kZeros + "\n",                 //
      "cpt_1_" + kZeros.substr(1),              // 42 characters
      "cpt_1_" + kZeros + "A",                  // 44 characters
      "cpt_1_" + kZeros + "=",                  // padding
      "cpt_1_" + kZeros.substr(1) + "=",        //
      "cpt_1_" + kZeros.substr(1) + "B",        // unused bits of the last character not zero
      "cpt_1_" + kZeros.substr(1) + "_",        //
      "cpt_1_" + kZeros.substr(2) + "+A",       // standard base64, not base64url
      "cpt_1_" + kZeros.substr(2) + "/A",       //
      "cpt_1_" + kZeros.substr(2) + ".A",       //
      "cpt_1_" + kZeros.substr(2) + "%A",       //
      "cpt_1_" + kZeros.substr(2) + " A",       //
      "cpt_1_" + std::string(kZeros.substr(2)) + std::string(1, '\0') + "A",  // NUL
      "cpt_1_" + kZeros.substr(2) + "\xc3\xa9",  // UTF-8 é in two bytes
  };
  for (const std::string& token : malformed) {
    INFO(token);
    CHECK_FALSE(accountIdOfToken(token));
  }
}

TEST_CASE("a token's hash is Argon2id, is not the token, and verifies that token only",
          "[credentials]") {
  Init init;
  const std::string token = newAccountToken(5);
  const std::string hash = hashToken(token);
  CHECK(hash.starts_with("$argon2id$v=19$"));
  CHECK(hash.find(token) == std::string::npos);
  CHECK(hash.find(token.substr(7)) == std::string::npos);
  CHECK(tokenMatches(token, hash));

  // Salted: the same token hashes differently each time, and both verify.
  const std::string again = hashToken(token);
  CHECK(again != hash);
  CHECK(tokenMatches(token, again));

  const std::string other = newAccountToken(5);
  CHECK_FALSE(tokenMatches(other, hash));
  CHECK_FALSE(tokenMatches(token.substr(0, token.size() - 1), hash));
  CHECK_FALSE(tokenMatches(token + "A", hash));
  CHECK_FALSE(tokenMatches("", hash));
  // Hashes that are not a whole Argon2id string match nothing, not even an empty token.
  CHECK_FALSE(tokenMatches(token, ""));
  CHECK_FALSE(tokenMatches("", ""));
  CHECK_FALSE(tokenMatches(token, token));
  CHECK_FALSE(tokenMatches(token, hash.substr(0, hash.size() - 2)));
  CHECK_FALSE(tokenMatches(token, hash + std::string(1, '\0')));
}

TEST_CASE("random keys are 43 characters of base64url, each one new", "[credentials]") {
  Init init;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string key = randomKey();
    REQUIRE(key.size() == 43);
    for (char c : key)
      REQUIRE(isBase64url(c));
    // The same form as a token's key: it decodes to 32 bytes.
    REQUIRE(accountIdOfToken("cpt_1_" + key) == 1);
    seen.insert(key);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("a key's digest is 64 hex digits, the same each time, and another key's differs",
          "[credentials]") {
  Init init;
  const std::string key = randomKey();
  const std::string digest = keyDigest(key);
  REQUIRE(digest.size() == 64);
  CHECK(digest.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(keyDigest(key) == digest);
  CHECK(keyDigest(randomKey()) != digest);
  CHECK(digest.find(key) == std::string::npos);
  // Pinned: the store keeps these digests, so a change of the domain key or of the hash would
  // end every session at the next start without a word.
  // The value is Python's hashlib.blake2b(b'A' * 43, digest_size=32, key=b'cloudplan portal:
  // session key digest, v1').
  CHECK(keyDigest(kZeros) == "35a52da072b3f1a6b9abf497e0c03f821a8cb1f4d4faade04d21a644ae575612");
  CHECK(keyDigest("") != keyDigest(kZeros));
}

TEST_CASE("secrets are the same only when every byte and the length are", "[credentials]") {
  CHECK(sameSecret("", ""));
  CHECK(sameSecret(kZeros, std::string(43, 'A')));
  CHECK_FALSE(sameSecret(kZeros, kOnes));
  CHECK_FALSE(sameSecret(kZeros, kZeros.substr(1)));
  CHECK_FALSE(sameSecret(kZeros, kZeros + "A"));
  CHECK_FALSE(sameSecret("", "A"));
  std::string last = kZeros;
  last.back() = 'B';
  CHECK_FALSE(sameSecret(kZeros, last));
  CHECK_FALSE(sameSecret(std::string("a\0b", 3), std::string("a\0c", 3)));
}
