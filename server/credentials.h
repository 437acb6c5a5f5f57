// The portal's secrets, made and checked with libsodium: account tokens (kept as Argon2id
// hashes), session keys and CSRF tokens (random, compared in constant time).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudplan::server {

// Call once before any other function here (sodium_init); false when libsodium cannot start.
bool initCredentials();

// A new account token: "cpt_" + the account's id + "_" + 43 characters of base64url (256 random
// bits). The id lets the server find the one hash to check.
std::string newAccountToken(int64_t accountId);
// The account id a token names; nullopt when the text is not a token's form.
std::optional<int64_t> accountIdOfToken(std::string_view token);

// Argon2id (crypto_pwhash_str, interactive limits); slow on purpose.
std::string hashToken(std::string_view token);
bool tokenMatches(std::string_view token, const std::string& hash);

// 256 random bits, base64url (43 characters): session keys, CSRF tokens, login nonces.
std::string randomKey();
// A fast keyed digest (BLAKE2b, hex) of a high-entropy key: what the store keeps of a session
// key. Random keys need no slow hash; the digest keeps a stolen store from giving sessions.
std::string keyDigest(std::string_view key);
bool sameSecret(std::string_view a, std::string_view b);  // constant time in the length

}  // namespace cloudplan::server
