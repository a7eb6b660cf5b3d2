// libFuzzer target: an HTML page → extract (libxml2's HTML parser, table rows, cells).
#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ogi::fuzz::extract_html_entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
