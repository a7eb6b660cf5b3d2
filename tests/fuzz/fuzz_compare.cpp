// libFuzzer target: two report JSON documents → compare (the path of `ogi compare`).
#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ogi::fuzz::compare_entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
