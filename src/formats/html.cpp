// Web pages: libxml2's HTML parser (lenient, as browsers are), walked into the text shape.
#include "readers.hpp"

#ifdef DANVAN_HAVE_LIBXML2

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace danvan::formats_detail {

namespace {

void ignore_error(void*, const char*, ...) {}
void keep_first(void* context, xmlErrorPtr error) {
  auto* first = static_cast<std::string*>(context);
  if (first == nullptr || !first->empty() || error == nullptr) return;
  if (error->level != XML_ERR_FATAL) return;  // warnings, namespace errors: not fatal
  std::string message = error->message != nullptr ? error->message : "malformed";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  *first = "line " + std::to_string(error->line) + ": " + message;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool named(const xmlNode* n, const char* name) {
  return n != nullptr && n->type == XML_ELEMENT_NODE &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool one_of(const xmlNode* n, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* name) { return named(n, name); });
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string squeeze(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string text_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return squeeze(out);
}

const xmlNode* find(const xmlNode* n, const char* name, int depth = 0) {
  if (n == nullptr || depth > 256) return nullptr;
  if (named(n, name)) return n;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (const xmlNode* found = find(c, name, depth + 1)) return found;
  }
  return nullptr;
}

class Walker {
 public:
  void walk(const xmlNode* n, TextBuilder& out, bool bold, int depth) {
    if (depth > 256) return;  // hostile nesting: deeper content is dropped, never a crash
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) node(c, out, bold, depth);
  }

 private:
  void node(const xmlNode* n, TextBuilder& out, bool bold, int depth) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) {
        out.add(reinterpret_cast<const char*>(n->content), bold, pre_ == 0);
      }
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;
    if (one_of(n, {"script", "style", "noscript", "template", "head", "nav", "iframe", "svg",
                   "button", "select", "input", "textarea", "object"})) {
      return;
    }
    if (named(n, "br")) {
      out.line_break();
      return;
    }
    if (n->name != nullptr && n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
        n->name[2] == '\0') {
      out.begin(std::string(static_cast<std::size_t>(n->name[1] - '0'), '#') + " ");
      walk(n, out, bold, depth + 1);
      out.end();
      return;
    }
    if (named(n, "ul") || named(n, "ol")) {
      list(n, out, bold, depth);
      return;
    }
    if (named(n, "table")) {
      table(n, out, bold, depth);
      return;
    }
    if (named(n, "b") || named(n, "strong")) {
      walk(n, out, true, depth + 1);
      return;
    }
    if (named(n, "pre")) {
      out.end();
      ++pre_;
      walk(n, out, bold, depth + 1);
      --pre_;
      out.end();
      return;
    }
    if (one_of(n, {"p",       "div",      "section",    "article", "main",   "header",
                   "footer",  "aside",    "blockquote", "address", "figure", "figcaption",
                   "center",  "form",     "hr",         "dl",      "dt",     "dd",
                   "li",      "tr",       "td",         "th",      "body",   "html",
                   "caption", "fieldset", "legend",     "details", "summary"})) {
      out.end();
      walk(n, out, bold, depth + 1);
      out.end();
      return;
    }
    walk(n, out, bold, depth + 1);  // inline: span, a, em, i, u, font, sup...
  }

  void list(const xmlNode* n, TextBuilder& out, bool bold, int depth) {
    const bool ordered = named(n, "ol");
    int number = 1;
    if (ordered) {
      const std::string start = attribute(n, "start");
      if (!start.empty() && start.size() < 6 &&
          std::all_of(start.begin(), start.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        number = std::stoi(start);
      }
    }
    const std::string indent(static_cast<std::size_t>(2 * list_depth_), ' ');
    ++list_depth_;
    out.end();
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (named(c, "li")) {
        out.begin(indent + (ordered ? std::to_string(number++) + ". " : std::string("- ")));
        walk(c, out, bold, depth + 1);
        out.end();
      } else {
        node(c, out, bold, depth + 1);
      }
    }
    --list_depth_;
  }

  void rows(const xmlNode* n, std::vector<std::vector<std::string>>& rows_out, bool bold,
            int depth) {
    if (depth > 256) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (named(c, "tr")) {
        std::vector<std::string> cells;
        for (const xmlNode* cell = c->children; cell != nullptr; cell = cell->next) {
          if (!named(cell, "td") && !named(cell, "th")) continue;
          TextBuilder inner;
          Walker walker;
          walker.walk(cell, inner, bold || named(cell, "th"), depth + 1);
          cells.push_back(inner.joined(" "));
        }
        rows_out.push_back(std::move(cells));
      } else if (one_of(c, {"thead", "tbody", "tfoot"})) {
        rows(c, rows_out, bold, depth + 1);
      }
    }
  }

  void table(const xmlNode* n, TextBuilder& out, bool bold, int depth) {
    std::vector<std::vector<std::string>> all;
    rows(n, all, bold, depth + 1);
    if (const xmlNode* caption = find(n, "caption")) {
      out.begin();
      out.add(text_of(caption), bold, true);
      out.end();
    }
    out.table(all);
  }

  int pre_ = 0;
  int list_depth_ = 0;
};

}  // namespace

void silence_libxml2(std::string* first_error) {
  xmlSetGenericErrorFunc(nullptr, ignore_error);
  xmlSetStructuredErrorFunc(first_error, keep_first);
}

std::string html_text(std::string_view utf8, const std::string& who) {
  silence_libxml2();
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw DocumentError(who, DocumentProblem::too_large, "the web page is larger than 2 GiB");
  }
  const std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED));
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    throw DocumentError(who, DocumentProblem::no_text, "the web page has no content");
  }
  const auto* top = reinterpret_cast<const xmlNode*>(doc.get());  // a document is a node too
  TextBuilder out;
  // The page title first, unless the page repeats it as its first heading.
  const xmlNode* title_node = find(top, "title");
  const xmlNode* h1_node = find(top, "h1");
  const std::string title = title_node != nullptr ? text_of(title_node) : std::string();
  if (!title.empty() && (h1_node == nullptr || text_of(h1_node) != title)) {
    out.begin();
    out.add(title, false, true);
    out.end();
  }
  Walker walker;
  walker.walk(top, out, false, 0);
  return out.finish();
}

}  // namespace danvan::formats_detail

#else

namespace danvan::formats_detail {

void silence_libxml2(std::string*) {}

std::string html_text(std::string_view, const std::string& who) {
  throw DocumentError(who, DocumentProblem::not_built,
                      "a web page, but danvan was not built with HTML support (libxml2 was not "
                      "found)");
}

}  // namespace danvan::formats_detail

#endif
