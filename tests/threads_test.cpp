// The library under many threads: validate, extract and the CSV export of different inputs at
// once give exactly what they give one at a time (the batch mode of the ogi tool relies on it).
#include "support.hpp"

#include <ogi/write/export.hpp>
#include <ogi/read/extract.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <thread>

namespace json = boost::json;

namespace {

std::string describe(const std::vector<ogi::Diagnostic>& diagnostics) {
    std::string out;
    for (const ogi::Diagnostic& d : diagnostics)
        out += fmt::format("{}|{}|{}|{}|{}|{}|{}\n", d.rule, ogi::to_string(d.severity), d.path, d.message_en, d.message_zh,
                           d.expected.value_or(-1), d.actual.value_or(-1));
    return out;
}

// One unit of work and what it gives, as text that can be compared.
struct Job {
    std::string input;
    bool extraction = false;
};

std::string run(const Job& job) {
    if (job.extraction) {
        const ogi::ExtractResult r = ogi::extract(job.input);
        std::string out = describe(r.diagnostics);
        if (r.report) {
            out += ogi::to_json_text(*r.report);
            ogi::append_csv_long(out, *r.report, "x");
        }
        return out;
    }
    ogi::ValidateOptions o;
    o.blanks_as_zero = job.input.size() % 2 == 0;
    const ogi::ValidationResult r = ogi::validate_json_text(job.input, o);
    return describe(r.diagnostics) + (r.valid ? "valid" : "invalid");
}

std::vector<Job> jobs() {
    std::vector<Job> out;
    for (const json::value& base : {test::seed(), test::huaian()}) {
        out.push_back({json::serialize(base), false});
        for (int i = 0; i < 12; ++i) {  // slips in different cells, blanks, a bad date
            json::value v = base;
            test::at(v, "/applications/granted/natural_person") = i;
            if (i % 3 == 0) test::at(v, "/applications/carried_forward/total") = nullptr;
            if (i % 4 == 1) v.as_object()["published_on"] = "2021-02-30";
            out.push_back({json::serialize(v), false});
        }
    }
    out.push_back({"{\"edition\": \"2019\",\n \"year\": }", false});
    const std::string corpus = std::string(OGI_SOURCE_DIR) + "/tests/corpus/";
    for (const char* dir : {"reports", "excerpts"})
        for (const auto& e : std::filesystem::directory_iterator(corpus + dir))
            out.push_back({test::read_file("tests/corpus/" + std::string(dir) + "/" + e.path().filename().string()), true});
    return out;
}

}  // namespace

TEST_CASE("validate, extract and export give the same results on many threads as on one") {
    const std::vector<Job> work = jobs();
    REQUIRE(work.size() > 30);
    std::vector<std::string> expected;
    for (const Job& j : work) expected.push_back(run(j));

    const unsigned threads = 8;
    const std::size_t rounds = 3 * work.size();
    std::atomic<std::size_t> next{0}, mismatches{0};
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                for (std::size_t k = next++; k < rounds * threads / 4; k = next++) {
                    const std::size_t i = (k * 7 + t) % work.size();  // threads on different inputs at once
                    if (run(work[i]) != expected[i]) ++mismatches;
                }
            });
    }
    CHECK(next.load() >= rounds * threads / 4);
    CHECK(mismatches.load() == 0);
}
