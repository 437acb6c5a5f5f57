#include "cli/huge_pages.h"

#include <sys/auxv.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace cloudplan::cli {
namespace {

constexpr const char* kTunables = "GLIBC_TUNABLES";
constexpr std::string_view kHugePages = "glibc.malloc.hugetlb";

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  return true;
#endif
#endif
  return false;
}

// Started through the dynamic loader (ld-linux-x86-64.so.2 ./cloudplan ...), /proc/self/exe is the
// loader, which would take the first argument for the program to load.
bool startedByLoader() {
  std::error_code ec;
  const std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).filename().string();
  return ec || exe.starts_with("ld-") || exe.starts_with("ld.so");
}

}  // namespace

std::optional<std::string> tunablesForHugePages(std::string_view current,
                                                std::string_view kernelSetting) {
  // "always [madvise] never": glibc's madvise is honoured unless the kernel says never.
  if (current.find(kHugePages) != std::string_view::npos || kernelSetting.empty() ||
      kernelSetting.find("[never]") != std::string_view::npos)
    return std::nullopt;
  std::string tunables(current);
  if (!tunables.empty()) tunables += ':';
  return tunables.append(kHugePages).append("=1");
}

void preferHugePages(char** argv) {
#ifdef __GLIBC__
  // A setuid or setcap binary runs in secure mode, where glibc erases this tunable: each start
  // would see it missing and start again, for ever.
  if (sanitized() || getauxval(AT_SECURE) || startedByLoader()) return;
  std::ifstream kernel("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string setting;
  std::getline(kernel, setting);
  // A copy: setenv may free what getenv returned.
  const char* variable = std::getenv(kTunables);
  const std::optional<std::string> current =
      variable ? std::optional<std::string>(variable) : std::nullopt;
  const auto tunables = tunablesForHugePages(current.value_or(""), setting);
  if (!tunables || setenv(kTunables, tunables->c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // No /proc, or the binary is gone: the run goes on with small pages, and the variable is put
  // back, so that what this run starts sees what the user set.
  if (current) {
    setenv(kTunables, current->c_str(), 1);
  } else {
    unsetenv(kTunables);
  }
#else
  (void)argv;
#endif
}

}  // namespace cloudplan::cli
