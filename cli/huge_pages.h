// Backs the heap with transparent huge pages. On a national inventory most of a run's time was the
// kernel handing out fresh 4 KiB pages (one fault each, zeroed one by one); glibc asks for 2 MiB
// pages when its tunable glibc.malloc.hugetlb is 1, which a process can only set before it starts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cloudplan::cli {

// The GLIBC_TUNABLES value that adds glibc.malloc.hugetlb=1 to `current` (the variable's value,
// empty when unset), given the kernel's transparent_hugepage/enabled line; nullopt when the user
// chose a value already (GLIBC_TUNABLES=glibc.malloc.hugetlb=0 turns it off) or the kernel has
// huge pages off.
std::optional<std::string> tunablesForHugePages(std::string_view current,
                                                std::string_view kernelSetting);

// Runs this program again with those tunables, unless there are none to add or the build has a
// sanitizer (whose allocator ignores them). Returns only when it does not: the run goes on as is.
void preferHugePages(char** argv);

}  // namespace cloudplan::cli
