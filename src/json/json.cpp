// Strict JSON reading (exact number text, duplicate keys refused), writing, and the schema.
#include <ogi/json/json.hpp>

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <fmt/format.h>

#include "json/arena.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <forward_list>
#include <memory>
#include <unordered_set>

namespace json = boost::json;

namespace ogi {
namespace {

// ---------------------------------------------------------------- parsing

/// Why our handler stopped the parser (beyond Boost.JSON's own errors).
enum class Stop { none, duplicate_key, string_too_long, too_many_items, too_many_values };

/// Builds the value like Boost.JSON's own parser, and also keeps the JSON Pointer of every
/// value so that it can refuse duplicate keys by name and remember the text of non-integers.
/// Keys are kept as views: into the input where a key has no escapes (almost always), else
/// into a copy that lives as long as the handler.
struct Handler {
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();
    /// Past this many keys an object checks duplicates with a hash set, not by comparing.
    static constexpr std::size_t linear_keys = 32;

    struct Frame {
        bool array = false;
        std::size_t index = 0;
        std::size_t items = 0;  // values (array) or keys (object) so far
        std::string_view key;   // the current key (object)
        std::size_t keys_from = 0;  // this object's keys are keys[keys_from, keys.size())
        std::unique_ptr<std::unordered_set<std::string_view>> key_set;  // once the object grows large
    };

    explicit Handler(const json::storage_ptr& sp) : st(sp) {}

    json::value_stack st;
    std::string_view text;              // the whole input
    std::vector<Frame> frames;
    std::vector<std::string_view> keys;  // the keys of every open object, innermost last
    std::forward_list<std::string> owned_keys;  // keys that are not views into the input
    std::string key_buffer;
    std::size_t string_bytes = 0;
    std::size_t max_string_bytes = 0;
    std::size_t max_items = 0, max_values = 0, values = 0;
    Stop stop = Stop::none;
    std::string stop_detail;
    std::unordered_map<std::string, std::string>* number_text = nullptr;

    std::string pointer() const {
        std::string p;
        for (const Frame& f : frames) {
            p += '/';
            if (f.array) {
                p += std::to_string(f.index);
                continue;
            }
            for (char c : f.key) {
                if (c == '~') p += "~0";
                else if (c == '/') p += "~1";
                else p += c;
            }
        }
        return p;
    }

    /// Counts a finished value against the limits (a container counts once it is closed).
    bool value_done(json::error_code& ec) {
        if (++values > max_values) {
            stop = Stop::too_many_values;
            stop_detail = pointer();
            return fail(ec);
        }
        if (frames.empty()) return true;
        Frame& f = frames.back();
        if (f.items == max_items) {  // the pointer names the first entry over the limit
            stop = Stop::too_many_items;
            stop_detail = pointer();
            return fail(ec);
        }
        ++f.items;
        if (f.array) ++f.index;
        return true;
    }

    bool fail(json::error_code& ec) {
        ec = json::error::extra_data;  // any code: we report our own reason
        return false;
    }

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_object_begin(json::error_code&) {
        Frame& f = frames.emplace_back();
        f.keys_from = keys.size();
        return true;
    }
    bool on_object_end(std::size_t n, json::error_code& ec) {
        keys.resize(frames.back().keys_from);
        frames.pop_back();
        st.push_object(n);
        return value_done(ec);
    }
    bool on_array_begin(json::error_code&) {
        frames.emplace_back().array = true;
        return true;
    }
    bool on_array_end(std::size_t n, json::error_code& ec) {
        frames.pop_back();
        st.push_array(n);
        return value_done(ec);
    }
    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        key_buffer.append(s.data(), s.size());
        st.push_chars(s);
        return true;
    }
    /// Whether `s` lies in the input (then it stays valid for the whole parse).
    bool in_text(json::string_view s) const {
        const auto b = reinterpret_cast<std::uintptr_t>(text.data()), p = reinterpret_cast<std::uintptr_t>(s.data());
        return p >= b && p + s.size() <= b + text.size();
    }
    static bool same(std::string_view a, std::string_view b) {
        return a.size() == b.size() && (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
    }
    bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
        std::string_view key;
        if (key_buffer.empty() && in_text(s)) {
            key = std::string_view(s.data(), s.size());
        } else {
            key_buffer.append(s.data(), s.size());
            owned_keys.emplace_front(std::move(key_buffer));
            key_buffer.clear();
            key = owned_keys.front();
        }
        Frame& f = frames.back();
        bool duplicate = false;
        const std::size_t seen = keys.size() - f.keys_from;
        if (seen < linear_keys) {
            for (std::size_t i = f.keys_from; i < keys.size() && !duplicate; ++i) duplicate = same(keys[i], key);
        } else {
            if (!f.key_set)
                f.key_set = std::make_unique<std::unordered_set<std::string_view>>(keys.begin() + static_cast<std::ptrdiff_t>(f.keys_from), keys.end());
            duplicate = !f.key_set->insert(key).second;
        }
        if (!f.key_set) keys.push_back(key);
        f.key = key;
        if (duplicate) {
            stop = Stop::duplicate_key;
            stop_detail = pointer();
            return fail(ec);
        }
        st.push_key(s);
        return true;
    }
    bool count_string(std::size_t n, json::error_code& ec) {
        string_bytes = n;
        if (string_bytes > max_string_bytes) {
            stop = Stop::string_too_long;
            stop_detail = pointer();
            return fail(ec);
        }
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec) {
        if (!count_string(n, ec)) return false;
        st.push_chars(s);
        return true;
    }
    bool on_string(json::string_view s, std::size_t n, json::error_code& ec) {
        if (!count_string(n, ec)) return false;
        st.push_string(s);
        return value_done(ec);
    }
    std::string number_buffer;
    bool on_number_part(json::string_view s, json::error_code&) {
        number_buffer.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t i, json::string_view, json::error_code& ec) {
        number_buffer.clear();
        st.push_int64(i);
        return value_done(ec);
    }
    bool on_uint64(std::uint64_t u, json::string_view, json::error_code& ec) {
        number_buffer.clear();
        st.push_uint64(u);
        return value_done(ec);
    }
    bool on_double(double d, json::string_view s, json::error_code& ec) {
        // JSON (and JSON Schema) do not tell 3.0 from 3: a whole number in range is an integer.
        if (std::trunc(d) == d && std::fabs(d) <= 9007199254740991.0) {
            number_buffer.clear();
            st.push_int64(static_cast<std::int64_t>(d));
            return value_done(ec);
        }
        number_buffer.append(s.data(), s.size());
        if (number_text) (*number_text)[pointer()] = number_buffer;
        number_buffer.clear();
        st.push_double(d);
        return value_done(ec);
    }
    bool on_bool(bool b, json::error_code& ec) {
        st.push_bool(b);
        return value_done(ec);
    }
    bool on_null(json::error_code& ec) {
        st.push_null();
        return value_done(ec);
    }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }
};

/// 1-based line and column (in characters) of a byte offset.
std::pair<std::size_t, std::size_t> position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

void describe_parse_error(json::error_code ec, std::string& en, std::string& zh) {
    using E = json::error;
    if (ec == E::incomplete) {
        en = "the JSON text ends too early";
        zh = "JSON文本不完整，提前结束";
    } else if (ec == E::too_deep) {
        en = "the JSON is nested too deeply";
        zh = "JSON嵌套层数过深";
    } else if (ec == E::syntax || ec == E::extra_data) {
        en = "syntax error (a character that JSON does not allow here, or invalid UTF-8)";
        zh = "语法错误（此处出现JSON不允许的字符，或UTF-8编码无效）";
    } else if (ec == E::illegal_leading_surrogate || ec == E::illegal_trailing_surrogate || ec == E::expected_hex_digit ||
               ec == E::invalid_escape) {
        en = fmt::format("invalid escape in a string ({})", ec.message());
        zh = fmt::format("字符串中的转义序列无效（{}）", ec.message());
    } else if (ec == E::exponent_overflow) {
        en = "a number is too large";
        zh = "数值过大";
    } else {
        en = ec.message();
        zh = fmt::format("无法解析（{}）", ec.message());
    }
}

}  // namespace

std::optional<JsonDocument> parse_json(std::string_view text, Diagnostic& error, const JsonLimits& limits) {
    return detail::parse_json(text, error, limits, {});
}

namespace detail {

// ---------------------------------------------------------------- the scratch arena

namespace {

/// Memory for documents that do not outlive one call: handed out by bumping a pointer, given
/// back all at once. The blocks stay for the next document, up to `keep` bytes.
class Arena final : public json::memory_resource {
public:
    static constexpr std::size_t first_block = 64u << 10;
    static constexpr std::size_t keep = 1u << 20;

    void reset() noexcept {
        std::size_t total = 0, i = 0;
        for (; i < blocks_.size() && total + blocks_[i].size <= keep; ++i) total += blocks_[i].size;
        blocks_.resize(std::min(std::max<std::size_t>(i, 1), blocks_.size()));
        current_ = 0;
        used_ = 0;
    }

private:
    struct Block {
        std::unique_ptr<unsigned char[]> data;
        std::size_t size = 0;
    };

    void* do_allocate(std::size_t n, std::size_t align) override {
        for (;;) {
            if (current_ < blocks_.size()) {
                Block& b = blocks_[current_];
                const std::size_t at = (used_ + align - 1) & ~(align - 1);
                if (at <= b.size && n <= b.size - at) {
                    used_ = at + n;
                    return b.data.get() + at;
                }
                ++current_;
                used_ = 0;
                continue;
            }
            const std::size_t size = std::max(blocks_.empty() ? first_block : blocks_.back().size * 2, n + align);
            blocks_.push_back(Block{std::unique_ptr<unsigned char[]>(new unsigned char[size]), size});
        }
    }
    void do_deallocate(void*, std::size_t, std::size_t) override {}
    [[nodiscard]] bool do_is_equal(const json::memory_resource& mr) const noexcept override { return this == &mr; }

    std::vector<Block> blocks_;
    std::size_t current_ = 0, used_ = 0;
};

struct ThreadArena {
    Arena arena;
    int users = 0;
};

ThreadArena& thread_arena() {
    thread_local ThreadArena a;
    return a;
}

}  // namespace

}  // namespace detail
}  // namespace ogi

namespace boost::json {
template <>
struct is_deallocate_trivial<ogi::detail::Arena> {
    static constexpr bool value = true;
};
}  // namespace boost::json

namespace ogi::detail {

ScratchArena::ScratchArena() { ++thread_arena().users; }

ScratchArena::~ScratchArena() {
    ThreadArena& a = thread_arena();
    if (--a.users == 0) a.arena.reset();
}

boost::json::storage_ptr ScratchArena::storage() const { return json::storage_ptr(&thread_arena().arena); }

std::optional<JsonDocument> parse_json(std::string_view text, Diagnostic& error, const JsonLimits& limits,
                                       const boost::json::storage_ptr& storage) {
    JsonDocument doc{json::value(storage), {}};  // so that the parsed value is moved in, not copied
    json::parse_options opt;
    opt.max_depth = limits.max_depth;
    opt.allow_invalid_utf8 = false;
    json::basic_parser<Handler> p(opt, storage);
    p.handler().text = text;
    p.handler().max_string_bytes = limits.max_string_bytes;
    p.handler().max_items = limits.max_items;
    p.handler().max_values = limits.max_values;
    p.handler().number_text = &doc.number_text;
    p.handler().st.reset(storage);
    json::error_code ec;
    std::size_t used = 0;
    // Skip a UTF-8 byte order mark: editors on Windows add one.
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    used = p.write_some(false, text.data() + start, text.size() - start, ec);
    if (!ec && used + start < text.size()) {
        ec = json::error::extra_data;
    }
    if (ec) {
        const Handler& h = p.handler();
        const auto [line, column] = position(text, start + used);
        error = Diagnostic{};
        error.rule = "OGI-S-JSON";
        error.severity = Severity::error;
        error.line = line;
        error.column = column;
        std::string en, zh;
        if (h.stop == Stop::duplicate_key) {
            en = fmt::format("duplicate key at {}", h.stop_detail);
            zh = fmt::format("{} 处的键重复", h.stop_detail);
        } else if (h.stop == Stop::string_too_long) {
            en = fmt::format("a string at {} is longer than the limit of {} bytes", h.stop_detail, limits.max_string_bytes);
            zh = fmt::format("{} 处的字符串超过{}字节的上限", h.stop_detail, limits.max_string_bytes);
        } else if (h.stop == Stop::too_many_items) {
            en = fmt::format("the array or object at {} has more than {} entries (the limit)", h.stop_detail, limits.max_items);
            zh = fmt::format("{} 处的数组或对象超过{}项的上限", h.stop_detail, limits.max_items);
        } else if (h.stop == Stop::too_many_values) {
            en = fmt::format("the document has more than {} values (the limit), reached at {}", limits.max_values, h.stop_detail);
            zh = fmt::format("文档中的值超过{}个的上限（在 {} 处）", limits.max_values, h.stop_detail);
        } else if (text.size() == start || text.find_first_not_of(" \t\r\n", start) == std::string_view::npos) {
            en = "the file is empty";
            zh = "文件为空";
        } else {
            describe_parse_error(ec, en, zh);
        }
        error.message_en = fmt::format("not valid JSON at line {}, column {}: {}", line, column, en);
        error.message_zh = fmt::format("不是有效的JSON（第{}行第{}列）：{}", line, column, zh);
        return std::nullopt;
    }
    doc.value = p.handler().st.release();
    return doc;
}

}  // namespace ogi::detail

namespace ogi {

// ---------------------------------------------------------------- writing

namespace {

void pretty(std::string& out, const json::value& v, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
    switch (v.kind()) {
    case json::kind::object: {
        const auto& o = v.get_object();
        if (o.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& kv : o) {
            if (!first) out += ",\n";
            first = false;
            out += pad + "  ";
            out += json::serialize(json::string_view(kv.key()));
            out += ": ";
            pretty(out, kv.value(), indent + 1);
        }
        out += "\n" + pad + "}";
        return;
    }
    case json::kind::array: {
        const auto& a = v.get_array();
        if (a.empty()) {
            out += "[]";
            return;
        }
        bool scalars = true;
        for (const auto& x : a) scalars = scalars && !x.is_structured();
        if (scalars) {  // short lists of words stay on one line
            out += json::serialize(v);
            return;
        }
        out += "[\n";
        bool first = true;
        for (const auto& x : a) {
            if (!first) out += ",\n";
            first = false;
            out += pad + "  ";
            pretty(out, x, indent + 1);
        }
        out += "\n" + pad + "]";
        return;
    }
    default: out += json::serialize(v);
    }
}

}  // namespace

std::string pretty_json(const json::value& v) {
    std::string out;
    pretty(out, v, 0);
    out += '\n';
    return out;
}

std::string to_json_text(const Report& report) { return pretty_json(json::value_from(report)); }

}  // namespace ogi
