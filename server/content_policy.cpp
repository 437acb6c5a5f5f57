#include "server/content_policy.h"

#include <sodium.h>

#include <array>

namespace cloudplan::server {
namespace {

constexpr std::string_view kArchivedBase =
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'none'; "
    "frame-ancestors 'none'; base-uri 'none'";

std::string base64OfSha256(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::string encoded(sodium_base64_ENCODED_LEN(digest.size(), sodium_base64_VARIANT_ORIGINAL),
                      '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

}  // namespace

std::string_view portalPagePolicy() {
  return "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
         "frame-ancestors 'none'; base-uri 'none'";
}

std::string archivedFilePolicy(std::string_view content, bool html) {
  std::string policy(kArchivedBase);
  if (!html) return policy;
  // The exporters write <script> without attributes; a browser hashes exactly the text between
  // the tags.
  std::string scripts;
  for (size_t at = content.find("<script>"); at != std::string_view::npos;
       at = content.find("<script>", at)) {
    const size_t begin = at + 8;
    const size_t end = content.find("</script>", begin);
    if (end == std::string_view::npos) break;
    scripts += " 'sha256-" + base64OfSha256(content.substr(begin, end - begin)) + "'";
    at = end;
  }
  if (!scripts.empty()) policy += "; script-src" + scripts;
  return policy;
}

}  // namespace cloudplan::server
