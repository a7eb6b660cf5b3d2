// Micro-benchmarks (Google Benchmark) of each stage, on the bundled example reports and the
// real layouts of tests/corpus. Not timed unit tests: CTest runs each once on its input
// (--benchmark_min_time=0) so that they keep working; docs/performance.md says how to read them.
#include <ogi/ogi.hpp>
#include <ogi/read/extract.hpp>

#include "check/schema_check.hpp"

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path source_dir = OGI_SOURCE_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Example {
    std::string name;
    std::string text;
    ogi::JsonDocument doc;
    ogi::Report report;
};

const std::vector<Example>& examples() {
    static const std::vector<Example> all = [] {
        std::vector<Example> v;
        for (const char* name : {"liucheng-2020", "huaian-2024"}) {
            Example e;
            e.name = name;
            e.text = slurp(source_dir / "examples/data" / (std::string(name) + ".json"));
            ogi::Diagnostic error;
            e.doc = *ogi::parse_json(e.text, error);
            e.report = boost::json::value_to<ogi::Report>(e.doc.value);
            v.push_back(std::move(e));
        }
        return v;
    }();
    return all;
}

void bytes_processed(benchmark::State& state, std::size_t bytes) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void parse_json(benchmark::State& state, const Example& e) {
    for (auto _ : state) {
        ogi::Diagnostic error;
        auto doc = ogi::parse_json(e.text, error);
        benchmark::DoNotOptimize(doc);
    }
    bytes_processed(state, e.text.size());
}

void parse_to_report(benchmark::State& state, const Example& e) {
    for (auto _ : state) {
        ogi::Diagnostic error;
        auto doc = ogi::parse_json(e.text, error);
        auto report = boost::json::value_to<ogi::Report>(doc->value);
        benchmark::DoNotOptimize(report);
    }
    bytes_processed(state, e.text.size());
}

void schema_compiled(benchmark::State& state, const Example& e) {
    const auto& program = ogi::detail::report_schema_program();
    for (auto _ : state) benchmark::DoNotOptimize(program.accepts(e.doc.value));
}

void schema_valijson(benchmark::State& state, const Example& e) {
    for (auto _ : state) benchmark::DoNotOptimize(ogi::detail::valijson_accepts(e.doc.value));
}

void rules(benchmark::State& state, const Example& e) {
    for (auto _ : state) {
        auto result = ogi::validate(e.report);
        benchmark::DoNotOptimize(result);
    }
}

void validate_text(benchmark::State& state, const Example& e) {
    for (auto _ : state) {
        auto result = ogi::validate_json_text(e.text);
        benchmark::DoNotOptimize(result);
    }
    bytes_processed(state, e.text.size());
}

void render(benchmark::State& state, const Example& e, ogi::RenderFormat format) {
    for (auto _ : state) {
        auto out = ogi::render(e.report, format);
        benchmark::DoNotOptimize(out);
    }
}

void extract(benchmark::State& state, const std::string& text) {
    for (auto _ : state) {
        auto result = ogi::extract(text);
        benchmark::DoNotOptimize(result);
    }
    bytes_processed(state, text.size());
}

void register_all() {
    for (const Example& e : examples()) {
        benchmark::RegisterBenchmark(("parse_json/" + e.name).c_str(), parse_json, e);
        benchmark::RegisterBenchmark(("parse_to_report/" + e.name).c_str(), parse_to_report, e);
        benchmark::RegisterBenchmark(("schema_compiled/" + e.name).c_str(), schema_compiled, e);
        benchmark::RegisterBenchmark(("schema_valijson/" + e.name).c_str(), schema_valijson, e);
        benchmark::RegisterBenchmark(("rules/" + e.name).c_str(), rules, e);
        benchmark::RegisterBenchmark(("validate/" + e.name).c_str(), validate_text, e);
        for (auto f : {ogi::RenderFormat::text, ogi::RenderFormat::html, ogi::RenderFormat::markdown}) {
            const std::string format(ogi::to_string(f));
            benchmark::RegisterBenchmark(("render/" + format + "/" + e.name).c_str(), render, e, f);
            // The drawing read back: the layouts ogi itself writes.
            if (f != ogi::RenderFormat::markdown)
                benchmark::RegisterBenchmark(("extract/rendered-" + format + "/" + e.name).c_str(), extract,
                                             ogi::render(e.report, f));
        }
    }
    // The real layouts: a copied page, crawler dumps, pdftotext with and without -layout.
    std::vector<fs::path> files;
    for (const char* dir : {"tests/corpus/seed", "tests/corpus/reports"})
        for (const auto& entry : fs::directory_iterator(source_dir / dir))
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files)
        benchmark::RegisterBenchmark(("extract/corpus/" + p.stem().string()).c_str(), extract, slurp(p));
}

}  // namespace

int main(int argc, char** argv) {
    register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
