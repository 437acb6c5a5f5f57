// The Content-Security-Policy of what the portal sends. Its own pages run no script and take
// their style from /assets/portal.css. An archived plan's pages are self-contained files made by
// the exporters, with inline style and the pan-and-zoom script: their policy allows that one
// script, by hash, and nothing else (no script an inventory's text could slip in).
#pragma once

#include <string>
#include <string_view>

namespace cloudplan::server {

// The portal's pages: no script, no inline style, nothing from elsewhere.
std::string_view portalPagePolicy();

// A file of an archived plan: an HTML page may run the exporters' pan-and-zoom script (by its
// hash) and no other; anything else runs no script at all.
std::string archivedFilePolicy(bool html);

}  // namespace cloudplan::server
