// Check a report with the ogi library: build with find_package(ogi) and link ogi::ogi.
#include <ogi/ogi.hpp>

#include <fmt/format.h>

#include <fstream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    std::ifstream in(argv[1]);
    std::stringstream text;
    text << in.rdbuf();

    const ogi::ValidationResult result = ogi::validate_json_text(text.str());
    for (const ogi::Diagnostic& d : result.diagnostics)
        fmt::print("{} {} {}: {}\n", ogi::to_string(d.severity), d.rule, d.path, d.message(ogi::Lang::zh));
    fmt::print("{}\n", result.valid ? "valid" : "invalid");
    return result.valid ? 0 : 1;
}
