// The library's reading of runs of files (ogi/batch/read_ahead.hpp): whatever way a file is
// read, the caller gets what read_file_into() gives, byte for byte or error for error.
#include <ogi/batch/read_ahead.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using ogi::batch::ReadAhead;

namespace {

/// The limit as the tool sets it, so that messages name its option.
ogi::batch::ReadLimit limit_of(std::size_t max_bytes) { return {max_bytes, "--max-size"}; }

struct TempDir {
    fs::path path;
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "ogi-read-ahead-XXXXXX").string();
        REQUIRE(::mkdtemp(templ.data()) != nullptr);
        path = templ;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

std::string bytes_of(std::size_t n, unsigned seed) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + seed * 7) & 0xff);
    return s;
}

/// Whether this kernel lets a process use io_uring with a table of direct descriptors (Linux
/// 5.19 and later), asked without liburing: then ReadAhead must use it.
bool kernel_offers_io_uring() {
#if defined(OGI_HAVE_LIBURING) && defined(SYS_io_uring_setup)
    const char* env = std::getenv("OGI_IO_URING");
    if (env && std::string(env) == "0") return false;
    unsigned char params[120] = {};  // struct io_uring_params, zeroed
    const long fd = ::syscall(SYS_io_uring_setup, 4, params);
    if (fd < 0) return false;
    ::close(static_cast<int>(fd));
    utsname u{};
    if (::uname(&u) != 0) return false;
    unsigned major = 0, minor = 0;
    if (std::sscanf(u.release, "%u.%u", &major, &minor) != 2) return false;
    return major > 5 || (major == 5 && minor >= 19);
#else
    return false;
#endif
}

/// What read_file_into() gives for a file: its bytes, or "ERROR: " and its message.
std::string plain(const std::string& path, std::size_t max_bytes, ogi::Lang lang) {
    std::string data, error;
    return ogi::batch::read_file_into(path, limit_of(max_bytes), lang, data, error) ? data : "ERROR: " + error;
}

std::string taken(ReadAhead& r, std::size_t index, const std::string& path, std::size_t max_bytes, ogi::Lang lang) {
    std::string error;
    const auto got = r.take(index, path, limit_of(max_bytes), lang, error);
    return got ? std::string(*got) : "ERROR: " + error;
}

}  // namespace

TEST_CASE("read ahead: every file as read_file_into gives it, in runs, with and without io_uring") {
    TempDir dir;
    const fs::path d = dir.path;
    std::vector<std::string> paths;
    auto add = [&](const std::string& name, std::size_t size) {
        const fs::path p = d / name;
        write(p, bytes_of(size, static_cast<unsigned>(paths.size())));
        paths.push_back(p.string());
    };
    add("small.json", 8000);
    add("empty.json", 0);
    add("one.json", 1);
    add("slot-less-one.json", 65535);
    add("slot.json", 65536);  // fills a slot: read again on its own
    add("slot-and-one.json", 65537);
    add("large.json", 200000);
    add("名称 有空格.json", 300);
    fs::create_directory(d / "dir.json");
    paths.push_back((d / "dir.json").string());
    paths.push_back((d / "missing.json").string());
    for (int i = 0; i < 20; ++i) add(fmt::format("f{:02}.json", i), 100 + static_cast<std::size_t>(i) * 997);

    const std::size_t limits[] = {SIZE_MAX, 50 * 1024 * 1024, 70000, 65536, 65535, 8000, 7999, 100, 1, 0};
    for (const bool allow : {true, false}) for (const bool known_regular : {true, false}) {
        ReadAhead reader(allow);
        if (allow) CHECK(reader.batched() == kernel_offers_io_uring());
        if (!allow) CHECK_FALSE(reader.batched());
        for (const std::size_t limit : limits) {
            for (const ogi::Lang lang : {ogi::Lang::en, ogi::Lang::zh}) {
                // Runs as the batch takes them, and one run longer than capacity (the rest are read
                // on their own).
                for (const std::size_t run : {ReadAhead::capacity, std::size_t{3}, ReadAhead::capacity + 5}) {
                    for (std::size_t first = 0; first < paths.size(); first += run) {
                        std::vector<ReadAhead::File> files;
                        for (std::size_t i = first; i < std::min(paths.size(), first + run); ++i) files.push_back({paths[i], known_regular});
                        reader.load(first, std::move(files), limit_of(limit));
                        for (std::size_t i = first; i < std::min(paths.size(), first + run); ++i) {
                            INFO("io_uring allowed: " << allow << ", known regular: " << known_regular << ", limit " << limit
                                                       << ", run " << run << ", " << paths[i]);
                            CHECK(taken(reader, i, paths[i], limit, lang) == plain(paths[i], limit, lang));
                        }
                    }
                }
            }
        }
        // An index outside the last run is read from the path given.
        reader.load(0, {{paths[0], true}}, limit_of(SIZE_MAX));
        CHECK(taken(reader, 5, paths[5], SIZE_MAX, ogi::Lang::en) == plain(paths[5], SIZE_MAX, ogi::Lang::en));
        CHECK(taken(reader, 0, paths[0], SIZE_MAX, ogi::Lang::en) == plain(paths[0], SIZE_MAX, ogi::Lang::en));
    }
}

TEST_CASE("read ahead: a batched run reads its regular files when loaded") {
    TempDir dir;
    const std::string a = (dir.path / "a.json").string(), b = (dir.path / "b.json").string();
    write(a, "first a");
    write(b, "first b");
    ReadAhead reader;
    reader.load(10, {{a, true}, {b, false}}, limit_of(SIZE_MAX));  // b: its type is asked first
    write(a, "second a");
    write(b, "second b");
    // With io_uring the run was read by load(); without it every file is read by take().
    CHECK(taken(reader, 10, a, SIZE_MAX, ogi::Lang::en) == (reader.batched() ? "first a" : "second a"));
    CHECK(taken(reader, 11, b, SIZE_MAX, ogi::Lang::en) == (reader.batched() ? "first b" : "second b"));
}

TEST_CASE("read ahead: a pipe named as a file is read on its own, to its end") {
    TempDir dir;
    const std::string pipe = (dir.path / "pipe.json").string();
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    // The writer sends its text in two parts: a read in the run would stop after the first.
    // It waits up to ten seconds for a reader (so that the test cannot hang).
    std::thread writer([&] {
        int fd = -1;
        for (int tries = 0; fd < 0 && tries < 1000; ++tries) {
            fd = ::open(pipe.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);  // ENXIO until a reader opens it
            if (fd < 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (fd < 0) return;
        auto put = [&](std::string_view text) { return ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()); };
        if (put("part one|")) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            (void)put("part two");
        }
        ::close(fd);
    });
    std::signal(SIGPIPE, SIG_IGN);  // should the reader close early, the writer is told so, not killed
    ReadAhead reader;
    reader.load(0, {{pipe, false}}, limit_of(SIZE_MAX));
    const std::string got = taken(reader, 0, pipe, SIZE_MAX, ogi::Lang::en);
    writer.join();
    CHECK(got == "part one|part two");
}
