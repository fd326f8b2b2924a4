// Resolving found references against an instrument catalogue, and annotating a text.
#include "danvan/references.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

namespace danvan {

namespace detail {
std::vector<std::string> folded_words(std::string_view text);
}  // namespace detail

namespace {

using Words = std::vector<std::string>;

// Folded words with the usual abbreviations written out.
Words issuer_words(std::string_view text) {
  Words out;
  for (auto& w : detail::folded_words(text)) {
    if (w == "ubnd") {
      out.insert(out.end(), {"uy", "ban", "nhan", "dan"});
    } else if (w == "hdnd") {
      out.insert(out.end(), {"hoi", "dong", "nhan", "dan"});
    } else if (w == "btv") {
      out.insert(out.end(), {"ban", "thuong", "vu"});
    } else if (w == "mttq") {
      out.insert(out.end(), {"mat", "tran", "to", "quoc"});
    } else if (w == "tw") {
      out.insert(out.end(), {"trung", "uong"});
    } else {
      out.push_back(std::move(w));
    }
  }
  return out;
}

bool is_prefix(const Words& prefix, const Words& whole) {
  return prefix.size() <= whole.size() && std::equal(prefix.begin(), prefix.end(), whole.begin());
}

// " a b c " form of a text's folded words, for whole-word containment tests.
std::string joined(const Words& words, std::size_t from = 0) {
  std::string out = " ";
  for (std::size_t i = from; i < words.size(); ++i) {
    out += words[i];
    out += ' ';
  }
  return out;
}

bool overlaps(const PartialDate& a, const PartialDate& b) {
  return a.first_day() <= b.last_day() && b.first_day() <= a.last_day();
}

class Resolver {
 public:
  Resolver(const InstrumentCatalogue& catalogue, const ResolveContext& context)
      : catalogue_(catalogue), context_(context) {
    for (const auto& issuer : catalogue_.issuers()) names_.push_back(issuer_words(issuer.name));
  }

  // Issuer ids a written name denotes, narrowed by the context text and by `when`.
  std::vector<std::string> issuers(std::string_view written,
                                   const std::optional<PartialDate>& when) {
    const Words w = issuer_words(written);
    if (w.empty()) return {};
    std::vector<std::size_t> hits;
    for (std::size_t k = 0; k < names_.size(); ++k) {
      if (is_prefix(w, names_[k])) hits.push_back(k);
    }
    if (hits.size() > 1 && when) {
      std::vector<std::size_t> valid;
      for (std::size_t k : hits) {
        const Issuer& is = catalogue_.issuers()[k];
        if (is.valid_to && is.valid_to->last_day() < when->first_day()) continue;
        if (is.valid_from && is.valid_from->first_day() > when->last_day()) continue;
        valid.push_back(k);
      }
      if (!valid.empty()) hits = std::move(valid);
    }
    if (hits.size() > 1 && !context_.text.empty()) {
      std::vector<std::size_t> in_context;
      for (std::size_t k : hits) {
        if (names_[k].size() > w.size() && occurs_in_context(joined(names_[k], w.size()))) {
          in_context.push_back(k);
        }
      }
      if (!in_context.empty()) hits = std::move(in_context);
    }
    std::vector<std::string> out;
    for (std::size_t k : hits) out.push_back(catalogue_.issuers()[k].id);
    return out;
  }

  void resolve(Reference& r) {
    r.issuer_ids.clear();
    r.candidate_ids.clear();
    r.resolved_id.reset();
    r.status = ResolutionStatus::unresolved;

    // Each written issuer ("A và B" names two) must be a catalogue issuer.
    std::vector<std::vector<std::string>> parts;
    bool unknown_issuer = false;
    if (r.issuer) {
      for (const auto& part : split_joint(*r.issuer)) {
        auto ids = issuers(part, r.date);
        if (ids.empty()) unknown_issuer = true;
        parts.push_back(std::move(ids));
      }
    }
    if (!unknown_issuer) {
      std::vector<const Instrument*> candidates;
      if (r.symbol) candidates = catalogue_.find_by_symbol(*r.symbol);
      if (candidates.empty() && r.number) {
        candidates = catalogue_.find_by_number(r.type, *r.number);
      }
      if (candidates.empty() && r.name) candidates = by_name(r);
      std::vector<const Instrument*> kept;
      for (const Instrument* in : candidates) {
        if (compatible(r, *in, parts)) kept.push_back(in);
      }
      if (kept.size() == 1) {
        r.status = ResolutionStatus::resolved;
        r.resolved_id = kept.front()->id;
        r.issuer_ids = kept.front()->issuer_ids;
        return;
      }
      if (kept.size() > 1) {
        r.status = ResolutionStatus::ambiguous;
        for (const Instrument* in : kept) r.candidate_ids.push_back(in->id);
      }
    }
    // Issuers known without the instrument: each written part naming exactly one.
    if (!parts.empty() &&
        std::all_of(parts.begin(), parts.end(), [](const auto& ids) { return ids.size() == 1; })) {
      for (const auto& ids : parts) r.issuer_ids.push_back(ids.front());
    } else if (parts.empty() && r.symbol) {
      for (const auto& code : r.symbol->issuers) {
        std::vector<std::string> ids;
        for (const auto& is : catalogue_.issuers()) {
          if (is.code && *is.code == code) ids.push_back(is.id);
        }
        if (ids.size() != 1) {
          r.issuer_ids.clear();
          break;
        }
        r.issuer_ids.push_back(ids.front());
      }
    }
  }

 private:
  const InstrumentCatalogue& catalogue_;
  const ResolveContext& context_;
  std::vector<Words> names_;
  std::optional<std::string> context_joined_;
  std::unordered_map<std::string, bool> occurs_;

  const std::string& context_joined() {
    if (!context_joined_) context_joined_ = joined(issuer_words(context_.text));
    return *context_joined_;
  }
  /// Whether the words occur in the context. Each search scans the whole text, and every
  /// ambiguous reference asks: without remembering the answers (the phrases come from the
  /// catalogue's names, so there are few), resolving was quadratic in the text's length.
  bool occurs_in_context(const std::string& phrase) {
    const auto it = occurs_.find(phrase);
    if (it != occurs_.end()) return it->second;
    const bool found = context_joined().find(phrase) != std::string::npos;
    occurs_.emplace(phrase, found);
    return found;
  }

  static std::vector<std::string> split_joint(std::string_view written) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
      const std::size_t k = written.find(" và ", start);
      if (k == std::string_view::npos) {
        out.emplace_back(written.substr(start));
        break;
      }
      out.emplace_back(written.substr(start, k - start));
      start = k + std::string_view(" và ").size();
    }
    return out;
  }

  std::vector<const Instrument*> by_name(const Reference& r) const {
    std::vector<const Instrument*> out;
    const Words name = issuer_words(*r.name);
    for (const auto& in : catalogue_.instruments()) {
      if (in.type != r.type || !in.title) continue;
      if (issuer_words(*in.title) == name) out.push_back(&in);
    }
    return out;
  }

  bool compatible(const Reference& r, const Instrument& in,
                  const std::vector<std::vector<std::string>>& parts) const {
    if (in.type != r.type) return false;
    if (r.symbol) {
      if (r.symbol->family != in.family) return false;
      if (in.symbol && in.symbol->canonical() != r.symbol->canonical()) return false;
      // Issuer codes of the symbol against issuers whose code is known.
      for (const auto& code : r.symbol->issuers) {
        bool contradicts = true;
        for (const auto& id : in.issuer_ids) {
          const Issuer* is = catalogue_.find_issuer(id);
          if (is == nullptr || !is->code || *is->code == code) contradicts = false;
        }
        if (contradicts) return false;
      }
    }
    for (const auto& ids : parts) {
      const bool any = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
        return std::find(in.issuer_ids.begin(), in.issuer_ids.end(), id) != in.issuer_ids.end();
      });
      if (!any) return false;
    }
    const std::optional<int> in_year = in.date ? std::optional<int>(in.date->year())
                                       : (in.symbol && in.symbol->year) ? in.symbol->year
                                                                        : std::nullopt;
    if (r.date && in.date && !overlaps(*r.date, *in.date)) return false;
    if (r.year && in_year && *r.year != *in_year) return false;
    if (r.term && in.term && *r.term != *in.term) return false;
    if (r.period && in.period && !(*r.period == *in.period)) return false;
    return true;
  }
};

}  // namespace

void resolve_references(std::vector<Reference>& references, const InstrumentCatalogue& catalogue,
                        const ResolveContext& context) {
  Resolver resolver(catalogue, context);
  for (auto& r : references) resolver.resolve(r);
}

std::vector<std::string> resolve_issuer(std::string_view written,
                                        const InstrumentCatalogue& catalogue,
                                        const ResolveContext& context) {
  Resolver resolver(catalogue, context);
  return resolver.issuers(normalize_nfc(written), std::nullopt);
}

std::string annotate_markdown(std::string_view text, const std::vector<Reference>& references) {
  const std::string nfc = normalize_nfc(text);
  std::string out;
  out.reserve(nfc.size() + references.size() * 32);
  std::size_t at = 0;
  for (std::size_t i = 0; i < references.size(); ++i) {
    const Reference& r = references[i];
    const auto where = "annotate_markdown: reference " + std::to_string(i) + " (bytes " +
                       std::to_string(r.span.byte_start) + ".." + std::to_string(r.span.byte_end) +
                       ")";
    if (r.span.byte_start < at) {
      throw ValueError(where +
                       " starts before the end of the previous one; references must be "
                       "in text order and must not overlap");
    }
    if (r.span.byte_end < r.span.byte_start || r.span.byte_end > nfc.size()) {
      throw ValueError(where + " is not inside the NFC text of " + std::to_string(nfc.size()) +
                       " bytes");
    }
    if (r.status == ResolutionStatus::resolved && !r.resolved_id) {
      throw ValueError(where + " is marked resolved but has no resolved_id");
    }
    out.append(nfc, at, r.span.byte_start - at);
    out += "**";
    out.append(nfc, r.span.byte_start, r.span.byte_end - r.span.byte_start);
    out += "** [";
    switch (r.status) {
      case ResolutionStatus::resolved:
        out += *r.resolved_id;
        break;
      case ResolutionStatus::ambiguous: {
        out += "ambiguous: ";
        for (std::size_t k = 0; k < r.candidate_ids.size(); ++k) {
          if (k > 0) out += ", ";
          out += r.candidate_ids[k];
        }
        break;
      }
      case ResolutionStatus::unresolved:
        out += info(r.type).name;
        if (r.symbol) {
          out += ' ';
          out += r.symbol->canonical();
        } else if (r.number) {
          out += ' ';
          out += *r.number;
        }
        break;
    }
    out += ']';
    at = r.span.byte_end;
  }
  out.append(nfc, at, std::string::npos);
  return out;
}

}  // namespace danvan
