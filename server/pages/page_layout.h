// The frame every page of the portal shares: the document's head (the portal's one style sheet,
// nothing else), the header with who is signed in and the logout form, the links of the
// account's role, the notice line; and the small pieces the pages write alike.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "server/portal_pages.h"

namespace cloudplan::server {

// Opens the page up to its <main>; `context` null: nobody is signed in (no header, no links).
void openPage(std::string& out, std::string_view title, const PageContext* context);
void closePage(std::string& out);

// The hidden field every POST form of a session carries.
void appendCsrfField(std::string& out, const PageContext& context);

// <a href="HREF">TEXT</a>, the text escaped; `href` must already be safe in an attribute
// (built from fixed text and hrefFor / hrefSegmentFor).
void appendLink(std::string& out, std::string_view href, std::string_view text);

// A UTC time as the store writes it (YYYY-MM-DDTHH:MM:SSZ), shown as "YYYY-MM-DD HH:MM".
void appendTime(std::string& out, std::string_view utc);

// A table in a box of its own that scrolls (its header row stays in view), so that an agency of
// thousands of systems does not push the rest of the page away. `caption` is escaped.
void openScrollTable(std::string& out, std::string_view caption,
                     std::initializer_list<std::string_view> columns);
void closeScrollTable(std::string& out);

// /agencies/CODE, /submissions/N: the portal's links.
std::string agencyHref(std::string_view code);
std::string submissionHref(uint32_t number);

}  // namespace cloudplan::server
