// libFuzzer target: JSON text → report → validate (the path of `ogi validate`).
#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ogi::fuzz::validate_entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
