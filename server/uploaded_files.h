// The files of an upload (multipart/form-data parts named `file`), checked against the portal's
// limits and given names that are only names: what a browser sends as a file name is the
// client's to choose, so folders are cut off and control characters refused. The files stay in
// memory; nothing of an upload reaches the file system but the store.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "server/portal.h"
#include "store/submission_records.h"

namespace cloudplan::server {

struct UploadedFiles {
  std::vector<store::FileContent> files;
  int status = 200;   // 400 (no file, a bad name, a name twice) or 413 (over a limit)
  std::string error;  // what is wrong and what to do; empty: the files are good
};

UploadedFiles uploadedFiles(const httplib::Request& request, const PortalLimits& limits);

// A size as a limit's message gives it, exactly: "64 MiB", "1 KiB", "3560 bytes" (a file one byte
// over 64 MiB is not "64 MiB").
std::string sizeText(size_t bytes);

}  // namespace cloudplan::server
