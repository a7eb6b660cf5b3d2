// libFuzzer target: published report text → extract (the path of `ogi extract`).
#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ogi::fuzz::extract_text_entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
