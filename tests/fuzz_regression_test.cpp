// Inputs that the fuzzers found (crashes, hangs, undefined behaviour), kept under
// tests/fuzz/regressions/<target>/ and run through the fuzz targets' own entry points;
// and the JSON limits of docs/reliability.md.
#include "fuzz/fuzz_entry.hpp"
#include "fuzz/fuzz_readers.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions: every kept input runs through its target in bounded time") {
    const fs::path root = fs::path(OGI_SOURCE_DIR) / "tests/fuzz/regressions";
    std::size_t ran = 0;
    for (const char* target : {"validate", "extract_text", "extract_html", "compare", "extract_docx", "extract_pdf", "pdf_layout"}) {
        const fs::path dir = root / target;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (!entry.is_regular_file()) continue;
            const std::string name = entry.path().filename().string();
            CAPTURE(target);
            CAPTURE(name);
            const std::string bytes = test::read_file(fs::relative(entry.path(), OGI_SOURCE_DIR).string());
            const auto start = std::chrono::steady_clock::now();
            const std::string_view t = target;
            if (t == "validate") ogi::fuzz::validate_entry(bytes);
            else if (t == "extract_text") ogi::fuzz::extract_text_entry(bytes);
            else if (t == "extract_html") ogi::fuzz::extract_html_entry(bytes);
            else if (t == "extract_docx") ogi::fuzz::extract_docx_entry(bytes);
#ifdef OGI_HAVE_PDF
            else if (t == "extract_pdf") ogi::fuzz::extract_pdf_entry(bytes);
            else if (t == "pdf_layout") ogi::fuzz::pdf_layout_entry(bytes);
#else
            else if (t == "extract_pdf" || t == "pdf_layout") continue;  // no PDF reader in this build
#endif
            else ogi::fuzz::compare_entry(bytes);
            const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            CHECK(seconds < 10.0);  // libFuzzer's -timeout; sanitizer builds included
            ++ran;
        }
    }
    CHECK(ran > 0);
}

namespace {
std::string message_of(std::string_view text, const ogi::JsonLimits& limits = {}) {
    ogi::Diagnostic d;
    auto doc = ogi::parse_json(text, d, limits);
    return doc ? std::string() : d.message_en;
}
}  // namespace

TEST_CASE("JSON limits: a huge array or object is refused quickly with the place and the limit") {
    std::string a = "{\"x\":[";
    for (int i = 0; i < 150000; ++i) a += i ? ",0" : "0";
    a += "]}";
    CHECK(message_of(a).find("the array or object at /x/100000 has more than 100000 entries") != std::string::npos);
    std::string o = "{";
    for (int i = 0; i < 150000; ++i) o += fmt::format("{}\"k{}\":1", i ? "," : "", i);
    o += "}";
    CHECK(message_of(o).find("has more than 100000 entries") != std::string::npos);
    ogi::JsonLimits small;
    small.max_values = 10;
    CHECK(message_of("[[1,2,3],[4,5,6],[7,8,9]]", small).find("more than 10 values") != std::string::npos);
    CHECK(message_of("[[1,2,3],[4,5,6]]", small).empty());
    small = {};
    small.max_string_bytes = 4;
    CHECK(message_of(R"({"abc":"12345"})", small).find("a string at /abc is longer than the limit of 4 bytes") !=
          std::string::npos);
    CHECK(message_of(std::string(100, '[') + std::string(100, ']')).find("nested too deeply") != std::string::npos);
}

TEST_CASE("extract: an input over ExtractOptions::max_bytes is refused, not read") {
    ogi::ExtractOptions o;
    o.max_bytes = 16;
    const auto r = ogi::extract("二、主动公开政府信息情况 规章 1 1 1", o);
    CHECK_FALSE(r.report);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "OGI-E-NO-TABLES");
    CHECK(r.diagnostics[0].severity == ogi::Severity::error);
    CHECK(r.diagnostics[0].message_en.find("over the limit of 16 bytes") != std::string::npos);
}
