#include "exporters/graphviz/graphviz_render.h"

#include <dlfcn.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <fcntl.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace cloudplan::exporters {
namespace {

struct Plugin {
  const char* file;
  const char* symbol;
};
// The libraries of Debian's libgvc6 package (Graphviz 2.x plugin ABI 6).
constexpr Plugin kCore = {"libgvplugin_core.so.6", "gvplugin_core_LTX_library"};
constexpr Plugin kDotLayout = {"libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library"};
constexpr Plugin kPango = {"libgvplugin_pango.so.6", "gvplugin_pango_LTX_library"};

// Graphviz's own convention: GVBINDIR names the plugin folder; else it is the `graphviz` folder
// beside the libgvc that this process loaded.
std::string pluginFolder() {
  if (const char* folder = std::getenv("GVBINDIR"); folder && *folder) return folder;
  std::string folder;
  if (void* gvc = dlopen("libgvc.so.6", RTLD_LAZY | RTLD_NOLOAD)) {
    char origin[PATH_MAX] = {};
    if (dlinfo(gvc, RTLD_DI_ORIGIN, origin) == 0) folder = std::string(origin) + "/graphviz";
    dlclose(gvc);
  }
  return folder.empty() ? "/usr/lib/x86_64-linux-gnu/graphviz" : folder;
}

// Graphviz reports problems through agerr(); while a renderer works they are collected here, so
// that a failure can say why and warnings do not reach the user's terminal.
std::string* collected = nullptr;
int collect(char* message) {
  if (collected) collected->append(message);
  return 0;
}

class CollectMessages {
 public:
  explicit CollectMessages(std::string& into) : previous_(agseterrf(collect)) { collected = &into; }
  ~CollectMessages() {
    collected = nullptr;
    agseterrf(previous_);
  }
  CollectMessages(const CollectMessages&) = delete;
  CollectMessages& operator=(const CollectMessages&) = delete;

 private:
  agusererrf previous_;
};

// Parts of Graphviz (libpath's spline router) print to stderr themselves instead of through
// agerr(): while a renderer works, file descriptor 2 is a temporary file, and what was written
// there joins the collected messages. The user's terminal sees none of it (-q means quiet), and
// lostEdges sees the router's failures. Graphviz runs on one thread (see graphviz_render.h).
class CaptureStderr {
 public:
  explicit CaptureStderr(std::string& into) : into_(into) {
    std::fflush(stderr);
    file_ = std::tmpfile();
    // Appending: what is written through descriptor 2 goes at the end, wherever drain() read.
    if (file_) fcntl(fileno(file_), F_SETFL, fcntl(fileno(file_), F_GETFL) | O_APPEND);
    saved_ = file_ ? dup(STDERR_FILENO) : -1;
    if (saved_ < 0 || dup2(fileno(file_), STDERR_FILENO) < 0) restore();
  }
  ~CaptureStderr() { restore(); }
  CaptureStderr(const CaptureStderr&) = delete;
  CaptureStderr& operator=(const CaptureStderr&) = delete;

  // Adds what was written since the last call to the messages.
  void drain() {
    if (!file_) return;
    std::fflush(stderr);
    std::fseek(file_, static_cast<long>(read_), SEEK_SET);
    char buffer[4096];
    // Bounded: a router that repeats itself for every edge of a huge drawing says it once.
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0;) {
      read_ += n;
      if (into_.size() < kLongestCapture) into_.append(buffer, n);
    }
    std::clearerr(file_);
  }

 private:
  void restore() {
    drain();
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      close(saved_);
      saved_ = -1;
    }
    if (file_) {
      std::fclose(file_);
      file_ = nullptr;
    }
  }
  static constexpr size_t kLongestCapture = 1 << 20;
  std::string& into_;
  std::FILE* file_ = nullptr;
  int saved_ = -1;
  size_t read_ = 0;
};

// The first error line of Graphviz's messages, for a one-line diagnostic.
std::string firstError(const std::string& messages) {
  const size_t start = messages.find("Error");
  std::string line = messages.substr(start == std::string::npos ? 0 : start);
  line = line.substr(0, line.find('\n'));
  return line.empty() ? "Graphviz failed without saying why" : line;
}

// dot's spline router fails on some drawings of nested clusters (libpath: "triangulation
// failed"): it says so, loses the edges it could not route, and draws the rest. What it trips on
// are the invisible edges that only shape the drawing (rows of ministries kept apart); then the
// drawing is laid out again without them, so that every edge that means something is drawn.
bool lostEdges(const std::string& messages) {
  return messages.find("Pshortestpath failed") != std::string::npos ||
         messages.find("libpath/") != std::string::npos ||
         (messages.find("Error: lost ") != std::string::npos &&
          messages.find(" edge\n") != std::string::npos);
}

std::vector<Agedge_t*> invisibleEdges(Agraph_t* root) {
  std::vector<Agedge_t*> invisible;
  char style[] = "style";
  for (Agnode_t* node = agfstnode(root); node; node = agnxtnode(root, node)) {
    for (Agedge_t* edge = agfstout(root, node); edge; edge = agnxtout(root, edge)) {
      const char* value = agget(edge, style);
      if (value && std::strstr(value, "invis")) invisible.push_back(edge);
    }
  }
  return invisible;
}

const char* formatName(ImageFormat format) {
  switch (format) {
    case ImageFormat::svg:
      return "svg";
    case ImageFormat::png:
      return "png";
    case ImageFormat::pdf:
      return "pdf";
  }
  return "svg";
}

}  // namespace

// A context per kind of renderer, made on first use and kept for the life of the process: the
// cairo plugin remembers the last font it measured by a pointer into the context that used it,
// so a context made after that one was freed would read freed memory. Graphviz keeps global state
// anyway; these are its share of it.
struct GraphvizRenderer::Context {
  GVC_t* gvc = nullptr;
  std::string error;  // why it could not be made
};

GraphvizRenderer::GraphvizRenderer() = default;
GraphvizRenderer::~GraphvizRenderer() = default;

GraphvizRenderer::Context* GraphvizRenderer::context(bool raster, std::string& error) {
  static Context contexts[2];
  Context& context = contexts[raster ? 1 : 0];
  if (!context.gvc && context.error.empty()) {
    const std::string folder = pluginFolder();
    std::vector<lt_symlist_t> builtins;
    std::vector<Plugin> plugins = {kCore, kDotLayout};
    if (raster) plugins.push_back(kPango);
    for (const Plugin& plugin : plugins) {
      const std::string path = folder + "/" + plugin.file;
      // Never unloaded: the cairo plugin's libraries register GLib types, which GLib keeps
      // (with pointers into them) for the life of the process.
      void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
      void* symbol = library ? dlsym(library, plugin.symbol) : nullptr;
      if (!symbol) {
        const char* why = dlerror();
        context.error = "cannot load Graphviz's plugin " + path + " (" +
                        (why ? why : "no library there") + "; install the Debian package libgvc6" +
                        (raster ? ", or draw SVG only)" : ")");
        break;
      }
      builtins.push_back({plugin.symbol, symbol});
    }
    if (context.error.empty()) {
      builtins.push_back({nullptr, nullptr});
      // Demand loading off: only these plugins, whatever the installed config6a lists.
      context.gvc = gvContextPlugins(builtins.data(), 0);
    }
  }
  if (!context.gvc) {
    error = context.error;
    return nullptr;
  }
  return &context;
}

std::optional<std::vector<std::string>> GraphvizRenderer::render(
    GraphDocument& graph, std::span<const ImageFormat> formats, std::string& error) {
  std::vector<std::string> images(formats.size());
  std::string messages;
  CollectMessages collecting(messages);
  CaptureStderr capturing(messages);
  // What is laid out and drawn: the document's graph, or a copy of it without its invisible
  // edges when dot lost edges in the document's (see lostEdges).
  Agraph_t* target = graph.root();
  std::unique_ptr<Agraph_t, decltype(&agclose)> copy(nullptr, agclose);
  auto copyWithoutInvisibleEdges = [&] {
    copy.reset(agmemread(graph.dot().c_str()));
    if (!copy) return false;
    target = copy.get();
    for (Agedge_t* edge : invisibleEdges(target))
      agdeledge(target, edge);
    return true;
  };
  bool reusable = true;  // target holds no layout that lost edges
  auto layOut = [&](Context* renderer) {
    const int laidOut = gvLayout(renderer->gvc, target, "dot");
    capturing.drain();
    if (laidOut != 0) error = "Graphviz could not lay out the diagram: " + firstError(messages);
    return laidOut == 0;
  };
  for (const bool raster : {false, true}) {
    std::vector<size_t> wanted;
    for (size_t i = 0; i < formats.size(); ++i) {
      if ((formats[i] != ImageFormat::svg) == raster) wanted.push_back(i);
    }
    if (wanted.empty()) continue;
    Context* renderer = context(raster, error);
    if (!renderer) return std::nullopt;
    if (!reusable && !copyWithoutInvisibleEdges()) {
      error = "Graphviz could not read back the diagram it lost edges of";
      return std::nullopt;
    }
    // Cairo draws bitmaps of at most 32767 pixels a side, and says so on stderr when scaling
    // one down: a drawing that large is scaled down (to 340 inches at 96 dpi) before it is.
    char size[] = "size", inches[] = "340,340", none[] = "";
    if (raster) agsafeset(target, size, inches, none);
    messages.clear();
    if (!layOut(renderer)) return std::nullopt;
    if (lostEdges(messages) && target == graph.root() && copyWithoutInvisibleEdges()) {
      if (raster) agsafeset(target, size, inches, none);
      messages.clear();
      if (!layOut(renderer)) return std::nullopt;
    }
    bool ok = true;
    for (size_t i : wanted) {
      char* data = nullptr;
      unsigned int length = 0;
      if (gvRenderData(renderer->gvc, target, formatName(formats[i]), &data, &length) != 0) {
        error = std::string("Graphviz could not render ") + formatName(formats[i]) + ": " +
                firstError(messages);
        ok = false;
      } else {
        images[i].assign(data, length);
        if (formats[i] == ImageFormat::pdf) stripPdfCreationDate(images[i]);
      }
      gvFreeRenderData(data);
      if (!ok) break;
    }
    // Graphviz 2.42 frees parts of a layout whose routing failed, and frees them again in
    // gvFreeLayout (a double free that aborts the process): such a layout is never freed (closing
    // its graph drops it), and the next format's layout is made on a fresh copy.
    if (lostEdges(messages)) {
      reusable = false;
    } else {
      gvFreeLayout(renderer->gvc, target);
    }
    if (!ok) return std::nullopt;
  }
  return images;
}

void stripPdfCreationDate(std::string& pdf) {
  for (const std::string_view key : {"/CreationDate (", "/ModDate ("}) {
    size_t at = pdf.find(key);
    while (at != std::string::npos) {
      const size_t close = pdf.find(')', at);
      if (close == std::string::npos) break;
      std::fill(pdf.begin() + static_cast<std::ptrdiff_t>(at),
                pdf.begin() + static_cast<std::ptrdiff_t>(close) + 1, ' ');
      at = pdf.find(key, close);
    }
  }
}

}  // namespace cloudplan::exporters
