#include "server/credentials.h"

#include <sodium.h>

#include <array>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

namespace cloudplan::server {
namespace {

constexpr std::string_view kTokenPrefix = "cpt_";
constexpr size_t kKeyBytes = 32;  // 256 bits
constexpr int kBase64 = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr size_t kKeyChars = sodium_base64_ENCODED_LEN(kKeyBytes, kBase64) - 1;  // 43
static_assert(kKeyChars == 43);

// crypto_pwhash_str makes libsodium's default algorithm, which is Argon2id (ARGON2ID13) since
// 1.0.15 and so in Debian 12's 1.0.18. Should a later libsodium change the default, the build
// stops here rather than hashing tokens with something else; hashes begin "$argon2id$".
static_assert(crypto_pwhash_ALG_DEFAULT == crypto_pwhash_ALG_ARGON2ID13);
constexpr std::string_view kHashPrefix = crypto_pwhash_argon2id_STRPREFIX;

// BLAKE2b keyed with a fixed, public key: the key only separates these digests from any other
// BLAKE2b of the same bytes (domain separation), it is no secret. A fast hash suffices because
// what it digests are 256-bit random keys: no dictionary holds them and 2^256 guesses are out
// of reach at any speed, so the store's digests give a thief nothing to present as a cookie. A
// slow hash (Argon2id) is for secrets a person could guess; for a key checked on every request
// it would only slow the server.
constexpr std::string_view kDigestDomain = "cloudplan portal: session key digest, v1";
static_assert(kDigestDomain.size() >= crypto_generichash_KEYBYTES_MIN &&
              kDigestDomain.size() <= crypto_generichash_KEYBYTES_MAX);

std::string base64url(const unsigned char* bytes, size_t size) {
  std::string text(sodium_base64_ENCODED_LEN(size, kBase64), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size, kBase64);
  text.resize(text.size() - 1);  // the terminating NUL
  return text;
}

// 43 characters that decode to exactly 32 bytes. libsodium's decoder refuses characters outside
// the alphabet and a last character whose unused bits are not zero, so each key has one text.
bool isKeyText(std::string_view text) {
  if (text.size() != kKeyChars) return false;
  std::array<unsigned char, kKeyBytes> bytes{};
  size_t decoded = 0;
  const char* end = nullptr;
  return sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &decoded,
                           &end, kBase64) == 0 &&
         decoded == kKeyBytes && end == text.data() + text.size();
}

}  // namespace

bool initCredentials() {
  return sodium_init() >= 0;
}

std::string randomKey() {
  std::array<unsigned char, kKeyBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string key = base64url(bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

std::string newAccountToken(int64_t accountId) {
  if (accountId <= 0) throw std::invalid_argument("newAccountToken: account ids start at 1");
  return std::string(kTokenPrefix) + std::to_string(accountId) + "_" + randomKey();
}

std::optional<int64_t> accountIdOfToken(std::string_view token) {
  if (!token.starts_with(kTokenPrefix)) return std::nullopt;
  token.remove_prefix(kTokenPrefix.size());
  // The id: decimal digits, no sign, no leading zero (one text per id), at least 1, and no more
  // than int64_t holds. The key after it may itself hold '_' (base64url), so the id ends at the
  // first character that is not a digit, which must be the '_'.
  size_t digits = 0;
  int64_t id = 0;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') {
    const int digit = token[digits] - '0';
    if (digits == 0 && digit == 0) return std::nullopt;
    if (id > (kMax - digit) / 10) return std::nullopt;
    id = id * 10 + digit;
    ++digits;
  }
  if (digits == 0 || digits >= token.size() || token[digits] != '_') return std::nullopt;
  if (!isKeyText(token.substr(digits + 1))) return std::nullopt;
  return id;
}

std::string hashToken(std::string_view token) {
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str(hash.data(), token.data(), token.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    // Its only failure: the 64 MiB that the interactive limits ask for could not be had.
    throw std::bad_alloc();
  }
  return std::string(hash.data());
}

bool tokenMatches(std::string_view token, const std::string& hash) {
  // Only a whole Argon2id hash: not an empty or placeholder field, nor an older algorithm's
  // string that crypto_pwhash_str_verify would also accept.
  if (!hash.starts_with(kHashPrefix) || hash.size() >= crypto_pwhash_STRBYTES ||
      std::strlen(hash.c_str()) != hash.size()) {
    return false;
  }
  return crypto_pwhash_str_verify(hash.c_str(), token.data(), token.size()) == 0;
}

std::string keyDigest(std::string_view key) {
  std::array<unsigned char, crypto_generichash_BYTES> digest{};  // 256 bits
  crypto_generichash(
      digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size(),
      reinterpret_cast<const unsigned char*>(kDigestDomain.data()), kDigestDomain.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

bool sameSecret(std::string_view a, std::string_view b) {
  // The lengths are no secret (every key and token of a kind has the same length); the bytes are
  // compared in a time that does not depend on where they first differ.
  if (a.size() != b.size()) return false;
  return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cloudplan::server
