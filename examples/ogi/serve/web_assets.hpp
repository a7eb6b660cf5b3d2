// ogi serve: the page's files (examples/ogi/serve/web/), built into the program by CMake
// (embed_web.cmake writes web_assets.cpp), so that the server reads nothing from the disk.
#pragma once

#include <span>
#include <string_view>

namespace ogi::serve {

struct WebAsset {
    std::string_view path;          ///< "/", "/app.js", …
    std::string_view content_type;  ///< "text/html; charset=utf-8", …
    std::string_view body;
};

/// Every file of the page, "/" being index.html.
std::span<const WebAsset> web_assets();

}  // namespace ogi::serve
