#include "server/content_policy.h"

#include <sodium.h>

#include <array>

#include "exporters/reports/html_pan_zoom.h"
#include "exporters/reports/html_report.h"

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

std::string archivedFilePolicy(bool html) {
  std::string policy(kArchivedBase);
  if (!html) return policy;
  // The exporters' scripts (report.html's, and the pan and zoom of a ministry's page), and no
  // other: a script that reached a page any other way (a hole in the escaping of some inventory
  // text) does not run.
  static const std::string scripts = "; script-src 'sha256-" +
                                     base64OfSha256(exporters::reportScript()) + "' 'sha256-" +
                                     base64OfSha256(exporters::kPanZoomScript) + "'";
  return policy + scripts;
}

}  // namespace cloudplan::server
