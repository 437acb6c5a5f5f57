#include "cli/progress.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <thread>
#include <vector>

namespace cloudplan::cli {
namespace {

constexpr std::chrono::milliseconds kNoTicks{0};

TEST_CASE("on a terminal, progress is one line rewritten in place") {
  std::ostringstream out;
  Progress progress(out, true, kNoTicks);
  progress.phase("reading");
  progress.phase("rendering");
  progress.advance(1, 3);
  progress.advance(2, 3);
  progress.clear();
  CHECK(out.str() ==
        "\r\x1b[Kreading..."
        "\r\x1b[Krendering..."
        "\r\x1b[Krendering 33%"
        "\r\x1b[Krendering 66%"
        "\r\x1b[K");
}

TEST_CASE("progress is redrawn only when the percentage changes") {
  std::ostringstream out;
  Progress progress(out, true, kNoTicks);
  progress.phase("writing");
  for (uint64_t done = 0; done <= 1000; ++done)
    progress.advance(done, 1000);
  CHECK(out.str().size() == std::string("\r\x1b[Kwriting...").size() +
                                10 * std::string("\r\x1b[Kwriting 1%").size() +
                                90 * std::string("\r\x1b[Kwriting 10%").size() +
                                std::string("\r\x1b[Kwriting 100%").size());
}

TEST_CASE("clearing when nothing is shown writes nothing") {
  std::ostringstream out;
  Progress progress(out, true, kNoTicks);
  progress.clear();
  progress.phase("planning");
  progress.clear();
  progress.clear();
  CHECK(out.str() == "\r\x1b[Kplanning...\r\x1b[K");
}

TEST_CASE("when the output is not a terminal, progress writes nothing") {
  std::ostringstream out;
  Progress progress(out, false, kNoTicks);
  progress.phase("reading");
  progress.advance(1, 2);
  progress.clear();
  CHECK(out.str().empty());
}

TEST_CASE("progress reported from many threads draws whole lines") {
  std::ostringstream out;
  Progress progress(out, true, kNoTicks);
  progress.phase("rendering");
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&progress, t] {
      for (uint64_t done = 0; done < 1000; ++done)
        progress.advance(done + static_cast<uint64_t>(t) * 1000, 4000);
    });
  }
  for (auto& worker : workers)
    worker.join();
  progress.clear();
  const std::string text = out.str();
  for (size_t at = 0; (at = text.find('\r', at)) != std::string::npos; ++at) {
    INFO(text.substr(at, 20));
    CHECK(text.compare(at, 4, "\r\x1b[K") == 0);
    const size_t next = text.find('\r', at + 1);
    const std::string line = text.substr(at + 4, next == std::string::npos ? next : next - at - 4);
    CHECK((line.empty() || line == "rendering..." ||
           (line.starts_with("rendering ") && line.ends_with("%"))));
  }
}

TEST_CASE("whatever a guarded stream prints erases the line first") {
  std::ostringstream terminal, messages;
  {
    Progress progress(terminal, true, kNoTicks);
    progress.guard(messages);
    progress.phase("planning");
    messages << "plan: error: no plan written\n";
    messages << 'x';
    progress.phase("writing");
    messages.put('y');
  }
  CHECK(terminal.str() == "\r\x1b[Kplanning...\r\x1b[K\r\x1b[Kwriting...\r\x1b[K");
  CHECK(messages.str() == "plan: error: no plan written\nxy");
  CHECK(static_cast<std::ostream&>(messages).rdbuf() == messages.rdbuf());  // its own again
  messages << "z";
  CHECK(messages.str() == "plan: error: no plan written\nxyz");
}

TEST_CASE("a stream is not guarded when the line is not shown at all") {
  std::ostringstream terminal, messages;
  std::ostream& stream = messages;
  std::streambuf* own = stream.rdbuf();
  Progress progress(terminal, false, kNoTicks);
  progress.guard(stream);
  CHECK(stream.rdbuf() == own);
}

TEST_CASE("a phase with no percentage shows how long it has run") {
  std::ostringstream out;
  {
    Progress progress(out, true, std::chrono::milliseconds(50));
    progress.phase("rendering");
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  }  // the line is erased when the run ends
  const std::string text = out.str();
  CHECK(text == "\r\x1b[Krendering...\r\x1b[Krendering... 1 s\r\x1b[K");
}

TEST_CASE("a phase with a percentage is not redrawn by the clock") {
  std::ostringstream out;
  Progress progress(out, true, std::chrono::milliseconds(50));
  progress.phase("writing");
  progress.advance(1, 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  progress.clear();
  CHECK(out.str() == "\r\x1b[Kwriting...\r\x1b[Kwriting 50%\r\x1b[K");
}

}  // namespace
}  // namespace cloudplan::cli
