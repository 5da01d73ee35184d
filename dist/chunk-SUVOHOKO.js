import { createRequire as __mcpGateCreateRequire } from 'node:module'; const require = __mcpGateCreateRequire(import.meta.url);
import {
  compareStrings,
  execFileSafe
} from "./chunk-RL6DG25S.js";
import {
  isObj,
  kubernetesObjects
} from "./chunk-ELCXR4WP.js";
import {
  YamlError,
  isInside,
  parseYamlDocuments,
  readRegularFile,
  readRegularText
} from "./chunk-XAOTV5DC.js";
import {
  InputError
} from "./chunk-LAB7SYR4.js";
import {
  __commonJS,
  __toESM
} from "./chunk-7DU3YBTW.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants3 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants3;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants3.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants3.globChars(opts.windows);
      const EXTGLOB_CHARS = constants3.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix4 = POSIX_REGEX_SOURCE[rest2];
                if (posix4) {
                  prev.value = pre + posix4;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants3.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants3 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix4 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix: posix4 });
        const result = { glob, state, regex, posix: posix4, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix: posix4 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix4 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix4);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix4 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix4 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants3;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/posix.js
var require_posix = __commonJS({
  "node_modules/picomatch/posix.js"(exports, module) {
    "use strict";
    module.exports = require_picomatch();
  }
});

// src/util/atomic.ts
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
function writeFileAtomic(path, data) {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    if (typeof data === "string") writeFileSync(tmp, data, { mode: 420 });
    else writePieces(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw err;
  }
}
function writePieces(file, pieces) {
  const fd = openSync(file, "w", 420);
  try {
    for (const piece of pieces) {
      const written = writeSync(fd, piece);
      const bytes = Buffer.byteLength(piece, "utf8");
      if (written === bytes) continue;
      const buf = Buffer.from(piece, "utf8");
      for (let off = written; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    }
  } finally {
    closeSync(fd);
  }
}

// src/workspace/workspace.ts
import { accessSync as accessSync2, constants as constants2, readdirSync as readdirSync3, readlinkSync, realpathSync as realpathSync3, statSync } from "node:fs";
import { join as join4 } from "node:path";

// src/workspace/glob.ts
var import_posix = __toESM(require_posix(), 1);
var OPTIONS = {
  dot: true,
  // `[!a]` negates a class as in a shell; without it picomatch reads `[!a]` as a literal or a class.
  posix: true,
  // A leading `!` would turn an inclusion into "everything but": config globs list what to take.
  nonegate: true
};
var MAX_WILDCARDS_PER_SEGMENT = 3;
function globProblem(glob) {
  for (const segment of normalise(glob).split("/")) {
    if (segment === "**") continue;
    const wildcards = (segment.match(/\*+|[+!]\(/g) ?? []).length;
    if (wildcards > MAX_WILDCARDS_PER_SEGMENT)
      return `has ${wildcards} wildcards in the path segment "${segment}" (at most ${MAX_WILDCARDS_PER_SEGMENT}: more make matching a long file name take minutes)`;
  }
  try {
    import_posix.default.makeRe(normalise(glob), OPTIONS);
  } catch (err) {
    return `is not a valid glob: ${err.message}`;
  }
  return void 0;
}
function globMatcher(glob) {
  if (globProblem(glob) !== void 0) return () => false;
  return (0, import_posix.default)(normalise(glob), OPTIONS);
}
function normalise(glob) {
  return glob.replace(/^(?:\.\/)+/, "").replace(/^\/+/, "");
}

// src/workspace/render/helm.ts
import { readdirSync as readdirSync2 } from "node:fs";
import { posix, resolve } from "node:path";

// src/workspace/render/line-align.ts
function alignLines(rendered, source, start = 1) {
  const src = source.split("\n").map(normalise2);
  const positions = /* @__PURE__ */ new Map();
  const templated = /* @__PURE__ */ new Map();
  const add = (map2, key, line) => {
    const list = map2.get(key);
    if (list) list.push(line);
    else map2.set(key, [line]);
  };
  for (let i = start - 1; i < src.length; i++) {
    const text = src[i];
    if (text === "" || text === "---") continue;
    add(positions, text, i + 1);
    const key = /^([^\s:{]+):\s*\S*\{\{/.exec(text)?.[1];
    if (key) add(templated, key, i + 1);
  }
  const map = [start];
  let last = start;
  for (const line of rendered.split("\n")) {
    const text = normalise2(line);
    const list = positions.get(text) ?? templated.get(/^([^\s:]+):/.exec(text)?.[1] ?? "");
    let hit;
    if (list) hit = list.find((l) => l >= last) ?? list[0];
    if (hit !== void 0) last = hit;
    map.push(hit ?? last);
  }
  return map;
}
function normalise2(line) {
  return line.trim().replace(/^-\s+/, "").replace(/["']/g, "");
}

// src/workspace/render/tools.ts
import { accessSync, constants, lstatSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join as join2 } from "node:path";
var RENDER_TIMEOUT_MS = 6e4;
var MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
function findTool(name, path) {
  for (const dir of (path ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join2(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (lstatSync(candidate).isDirectory()) continue;
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function linkLeavingRepository(rootAbs, dirAbs) {
  const realRoot = realpathSync(rootAbs);
  const stack = [dirAbs];
  const seen = /* @__PURE__ */ new Set();
  while (stack.length > 0) {
    const dir = stack.pop();
    let real;
    try {
      real = realpathSync(dir);
    } catch {
      return dir;
    }
    if (!isInside(realRoot, real)) return dir;
    if (seen.has(real)) continue;
    seen.add(real);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join2(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isSymbolicLink()) {
        let target;
        try {
          target = realpathSync(p);
        } catch {
          return p;
        }
        if (!isInside(realRoot, target)) return p;
        if (lstatSync(target).isDirectory()) stack.push(p);
      }
    }
  }
  return void 0;
}
async function runTool(bin, args, cwd, signal) {
  const home = mkdtempSync(join2(tmpdir(), "mcp-gate-render-"));
  try {
    const r = await execFileSafe(bin, args, {
      cwd,
      reject: false,
      timeout: RENDER_TIMEOUT_MS,
      cancelSignal: signal,
      maxBuffer: MAX_OUTPUT_BYTES,
      stripFinalNewline: false,
      extendEnv: false,
      env: {
        HOME: home,
        HELM_CACHE_HOME: join2(home, "cache"),
        HELM_CONFIG_HOME: join2(home, "config"),
        HELM_DATA_HOME: join2(home, "data"),
        HELM_PLUGINS: join2(home, "plugins"),
        KUBECONFIG: join2(home, "no-kubeconfig"),
        HTTP_PROXY: "http://127.0.0.1:9",
        HTTPS_PROXY: "http://127.0.0.1:9",
        http_proxy: "http://127.0.0.1:9",
        https_proxy: "http://127.0.0.1:9",
        NO_PROXY: "",
        GIT_TERMINAL_PROMPT: "0",
        GIT_ALLOW_PROTOCOL: "file"
      }
    });
    if (r.exitCode === 0 && !r.failed) return { ok: true, stdout: String(r.stdout ?? ""), message: "" };
    const raw = String(r.stderr ?? "").trim() || (r.timedOut ? `no result within ${RENDER_TIMEOUT_MS / 1e3} s` : r.shortMessage ?? "failed");
    return { ok: false, stdout: "", message: raw.length > 600 ? `${raw.slice(0, 600)}\u2026` : raw };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

// src/workspace/render/helm.ts
var NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var MAX_VALUES_BYTES = 4 * 1024 * 1024;
async function renderChart(root, spec, helm, readText, signal) {
  const chartFile = spec.chart === "." ? "Chart.yaml" : `${spec.chart}/Chart.yaml`;
  const fail = (message) => ({ sources: [], problem: { file: chartFile, message: `helm chart ${spec.chart}: ${message}` } });
  if (!helm) return fail("not rendered: helm is not on PATH (install helm, or render the chart in an earlier step and point kubernetes.paths at the output)");
  const release = spec.release ?? "release";
  const namespace = spec.namespace ?? "default";
  if (!NAME.test(release) || release.length > 53) return fail(`release name "${release}" is not a valid Helm release name`);
  if (!NAME.test(namespace) || namespace.length > 63) return fail(`namespace "${namespace}" is not a valid namespace name`);
  const leaving = linkLeavingRepository(root, resolve(root, spec.chart));
  if (leaving) return fail(`not rendered: ${leaving} is a link that leaves the repository`);
  const missing = missingDependencies(root, spec.chart, readText);
  if (missing.length > 0)
    return fail(
      `not rendered: dependencies not vendored in ${chartFile.replace(/Chart\.yaml$/, "charts/")}: ${missing.join(", ")}; run \`helm dependency build ${spec.chart}\` in a step before the gate (the gate never reaches the network)`
    );
  const args = ["template", release, resolve(root, spec.chart), "--namespace", namespace];
  for (const values of spec.values ?? []) {
    try {
      readRegularFile(values, { within: root, maxBytes: MAX_VALUES_BYTES });
    } catch (err) {
      if (err instanceof InputError) return fail(`values file ${values} ${err.message}`);
      throw err;
    }
    args.push("--values", resolve(root, values));
  }
  for (const [key, value] of Object.entries(spec.set ?? {})) args.push("--set-json", `${key}=${JSON.stringify(value)}`);
  const run = await runTool(helm, args, root, signal);
  if (!run.ok) return fail(`helm template failed: ${run.message}`);
  return { sources: splitBySource(run.stdout, spec.chart, readText).map((s) => ({ ...s, namespace })) };
}
function missingDependencies(root, chart, readText) {
  const file = chart === "." ? "Chart.yaml" : `${chart}/Chart.yaml`;
  let deps;
  try {
    deps = parseYamlDocuments(readText(file), file)[0]?.value?.dependencies;
  } catch {
    return [];
  }
  if (!Array.isArray(deps)) return [];
  let vendored;
  try {
    vendored = readdirSync2(resolve(root, chart, "charts"));
  } catch {
    vendored = [];
  }
  return deps.filter((d) => isObj(d) && typeof d.name === "string").filter((d) => !vendored.some((e) => e === d.name || e.startsWith(`${d.name}-`) && e.endsWith(".tgz"))).map((d) => typeof d.repository === "string" && d.repository !== "" ? `${d.name} (${d.repository})` : d.name);
}
function splitBySource(output, chartDir, readText) {
  const sources = [];
  for (const chunk of output.split(/^---[ \t]*$/m)) {
    const m = /^# Source: (\S+)[ \t]*$/m.exec(chunk);
    if (!m || chunk.trim() === m[0].trim()) continue;
    const body = chunk.slice((m.index ?? 0) + m[0].length + 1);
    const inChart = m[1].split("/").slice(1).join("/");
    const file = chartDir === "." ? inChart : posix.join(chartDir, inChart);
    let template;
    try {
      template = readText(file);
    } catch {
      template = void 0;
    }
    sources.push({ file, text: body, lineMap: template === void 0 ? [] : alignLines(body, template), via: `helm chart ${chartDir}` });
  }
  return sources;
}

// src/workspace/render/kustomize.ts
import { mkdtempSync as mkdtempSync2, realpathSync as realpathSync2, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3, relative, resolve as resolve2 } from "node:path";
var ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
async function buildKustomization(root, dir, kustomizationFile, tool, readText, signal) {
  const fail = (message) => ({ sources: [], problem: { file: kustomizationFile, message: `kustomization ${dir}: ${message}` } });
  if (!tool) return fail("not built: neither kustomize nor kubectl is on PATH (install one, or build the overlay in an earlier step and point kubernetes.paths at the output)");
  const leaving = linkLeavingRepository(root, resolve2(root, dir));
  if (leaving) return fail(`not built: ${leaving} is a link that leaves the repository`);
  const wrap = mkdtempSync2(join3(tmpdir2(), "mcp-gate-kustomize-"));
  try {
    const target = relative(realpathSync2(wrap), realpathSync2(resolve2(root, dir))).split("\\").join("/");
    writeFileSync2(join3(wrap, "kustomization.yaml"), `resources:
- ${JSON.stringify(target)}
buildMetadata: [originAnnotations]
`);
    const run = await runTool(tool.bin, [...tool.args, wrap], wrap, signal);
    if (!run.ok) return fail(`build failed: ${run.message}`);
    const realRoot = realpathSync2(root);
    const realWrap = realpathSync2(wrap);
    const sources = [];
    for (const doc of run.stdout.split(/^---[ \t]*$/m)) {
      if (doc.trim() === "") continue;
      const origin = originPath(doc);
      const file = origin === void 0 ? kustomizationFile : relative(realRoot, resolve2(realWrap, origin)).split("\\").join("/");
      let text;
      try {
        text = file.startsWith("..") ? void 0 : readText(file);
      } catch {
        text = void 0;
      }
      sources.push({ file: file.startsWith("..") ? kustomizationFile : file, text: doc.replace(/^\n/, ""), lineMap: text === void 0 ? [] : alignLines(doc.replace(/^\n/, ""), text), via: `kustomization ${dir}` });
    }
    return { sources };
  } finally {
    rmSync2(wrap, { recursive: true, force: true });
  }
}
function originPath(doc) {
  const block = new RegExp(`${ORIGIN_ANNOTATION.replace(/[./]/g, "\\$&")}: \\|\\n((?:[ \\t]+.*\\n?)+)`).exec(doc);
  if (!block) return void 0;
  const fields = block[1];
  return /^\s*path: (.+)$/m.exec(fields)?.[1]?.trim() ?? /^\s*configuredIn: (.+)$/m.exec(fields)?.[1]?.trim();
}

// src/workspace/render/plan.ts
import { posix as posix3 } from "node:path";

// src/workspace/render/chainsaw.ts
import { posix as posix2 } from "node:path";
var COMPARED = /* @__PURE__ */ new Set(["assert", "error"]);
var APPLIED = /* @__PURE__ */ new Set(["apply", "create", "update", "patch"]);
function chainsawAssertionFiles(files, readText) {
  const compared = /* @__PURE__ */ new Set();
  const applied = /* @__PURE__ */ new Set();
  for (const file of files) {
    if (!/\.ya?ml$/.test(file)) continue;
    let text;
    try {
      text = readText(file);
    } catch {
      continue;
    }
    if (!text.includes("chainsaw.kyverno.io/")) continue;
    let docs;
    try {
      docs = parseYamlDocuments(text, file);
    } catch {
      continue;
    }
    const dir = posix2.dirname(file);
    for (const { value } of docs) {
      if (!isObj(value) || typeof value.apiVersion !== "string" || !value.apiVersion.startsWith("chainsaw.kyverno.io/")) continue;
      if (value.kind === "Test") {
        for (const f of files) if (f !== file && posix2.dirname(f) === dir && /\.ya?ml$/.test(f)) compared.add(f);
      }
      collect(value, (op, ref) => {
        const target = posix2.normalize(posix2.join(dir, ref));
        const matches = ref.includes("*") ? files.filter((f) => posix2.matchesGlob(f, target)) : [target];
        for (const m of matches) (COMPARED.has(op) ? compared : applied).add(m);
      });
    }
  }
  const known = new Set(files);
  return [...compared].filter((f) => known.has(f) && !applied.has(f)).sort();
}
function collect(node, found) {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, found);
    return;
  }
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((COMPARED.has(key) || APPLIED.has(key)) && isObj(value) && typeof value.file === "string") found(key, value.file);
    else collect(value, found);
  }
}

// src/workspace/render/plan.ts
var KUSTOMIZATION_NAMES = /* @__PURE__ */ new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);
var RESOURCE_FIELDS = ["resources", "bases", "components"];
var FILE_FIELDS = ["patchesStrategicMerge", "transformers", "generators", "validators", "configurations", "crds"];
var PATH_LIST_FIELDS = ["patches", "patchesJson6902", "replacements"];
var REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/i;
function planRendering(files, settings, readText, inScope = () => true) {
  const plan = { charts: [], kustomizations: [], owned: /* @__PURE__ */ new Set(), problems: [], notes: [] };
  const fileSet = new Set(files);
  planCharts(files, settings, plan, fileSet, readText, inScope);
  planKustomizations(files, settings, plan, fileSet, readText, inScope);
  const assertions = chainsawAssertionFiles(files, readText);
  for (const f of assertions) plan.owned.add(f);
  if (assertions.length > 0) plan.notes.push(`${assertions.length} chainsaw test assertion file(s) (named only by assert/error in a chainsaw Test, or unused beside one) not read as manifests: they are partial objects compared against a cluster`);
  return plan;
}
function dirOf(file) {
  const d = posix3.dirname(file);
  return d === "" ? "." : d;
}
function under(dir, file) {
  return dir === "." || file.startsWith(`${dir}/`);
}
function planCharts(files, settings, plan, fileSet, readText, inScope) {
  const chartDirs = files.filter((f) => posix3.basename(f) === "Chart.yaml").map(dirOf);
  const topCharts = chartDirs.filter((d) => !chartDirs.some((o) => o !== d && (o === "." || d.startsWith(`${o}/`))));
  for (const f of files) if (chartDirs.some((d) => under(d, f))) plan.owned.add(f);
  for (const dir of chartsWithoutChartYaml(files, chartDirs, readText)) {
    for (const f of files) if (under(dir, f)) plan.owned.add(f);
    const generated = files.find((f) => dirOf(f) === dir && /^Chart.+\.ya?ml$/.test(posix3.basename(f)));
    const why = `no Chart.yaml${generated ? ` (${posix3.basename(generated)} is there: a build step generates it)` : ""}, so its templates cannot be rendered as committed`;
    if (settings.helm) plan.notes.push(`chart ${dir}: not rendered: ${why}`);
    else if (inScope(`${dir}/values.yaml`))
      plan.problems.push({ file: `${dir}/values.yaml`, message: `helm chart ${dir}: not rendered: ${why}; generate Chart.yaml in a step before the gate, or render the chart there and point kubernetes.paths at the output` });
  }
  if (settings.helm) {
    for (const spec of settings.helm) {
      const chart = posix3.normalize(spec.chart).replace(/\/$/, "") || ".";
      if (!fileSet.has(chart === "." ? "Chart.yaml" : `${chart}/Chart.yaml`)) {
        plan.problems.push({ file: chart, message: `kubernetes.helm: "${spec.chart}" is not a chart directory (no Chart.yaml)` });
        continue;
      }
      plan.charts.push({ ...spec, chart });
      for (const v of spec.values ?? []) plan.owned.add(posix3.normalize(v));
    }
    const configured = new Set(plan.charts.map((c) => c.chart));
    for (const d of topCharts) if (!configured.has(d)) plan.notes.push(`chart ${d}: not rendered (not listed in kubernetes.helm); its templates are not read as plain YAML`);
    return;
  }
  for (const chart of topCharts) {
    if (!inScope(chart === "." ? "Chart.yaml" : `${chart}/Chart.yaml`)) continue;
    let type;
    try {
      type = parseYamlDocuments(readText(chart === "." ? "Chart.yaml" : `${chart}/Chart.yaml`), `${chart}/Chart.yaml`)[0]?.value?.type;
    } catch {
      type = void 0;
    }
    if (type === "library") plan.notes.push(`chart ${chart}: library chart, rendered only by the charts that use it`);
    else plan.charts.push({ chart });
  }
}
function chartsWithoutChartYaml(files, chartDirs, readText) {
  const found = [];
  for (const values of files) {
    if (posix3.basename(values) !== "values.yaml") continue;
    const dir = dirOf(values);
    if (chartDirs.some((d) => under(d, values))) continue;
    const prefix = dir === "." ? "templates/" : `${dir}/templates/`;
    const templated = files.some((f) => {
      if (!f.startsWith(prefix)) return false;
      try {
        return /\{\{-?\s*(?:include|template|toYaml|if|with|range)?[^}]*\.(?:Values|Release|Chart)\b/.test(readText(f));
      } catch {
        return false;
      }
    });
    if (templated) found.push(dir);
  }
  return found;
}
function planKustomizations(files, settings, plan, fileSet, readText, inScope) {
  const dirs = /* @__PURE__ */ new Set();
  for (const f of files) for (let d = dirOf(f); d !== "." && !dirs.has(d); d = dirOf(d)) dirs.add(d);
  const kustomizations = /* @__PURE__ */ new Map();
  for (const file of files) {
    if (!KUSTOMIZATION_NAMES.has(posix3.basename(file))) continue;
    const dir = dirOf(file);
    let doc;
    try {
      doc = parseYamlDocuments(readText(file), file)[0]?.value;
    } catch (err) {
      plan.problems.push({ file, ...err instanceof YamlError && err.line ? { line: err.line } : {}, message: `invalid kustomization: ${err.message}` });
      continue;
    }
    const k = { dir, file, component: isObj(doc) && doc.kind === "Component", dirs: [], remote: [] };
    kustomizations.set(dir, k);
    plan.owned.add(file);
    if (!isObj(doc)) continue;
    const resolve3 = (ref) => {
      const p = posix3.normalize(posix3.join(dir, ref)).replace(/\/$/, "");
      return p === ".." || p.startsWith("../") ? void 0 : p;
    };
    for (const field of RESOURCE_FIELDS) {
      for (const ref of strings(doc[field])) {
        if (REMOTE.test(ref)) {
          k.remote.push({ ref });
          continue;
        }
        const p = resolve3(ref);
        if (p === void 0) plan.problems.push({ file, message: `${field}: "${ref}" is outside the repository; the gate reads only the repository` });
        else if (fileSet.has(p)) plan.owned.add(p);
        else if (dirs.has(p) || p === ".") k.dirs.push(p);
        else plan.problems.push({ file, message: `${field}: "${ref}" does not exist` });
      }
    }
    const ownFile = (ref) => {
      if (ref.includes("\n")) return;
      const p = resolve3(ref);
      if (p !== void 0 && fileSet.has(p)) plan.owned.add(p);
    };
    for (const field of FILE_FIELDS) for (const ref of strings(doc[field])) ownFile(ref);
    for (const field of PATH_LIST_FIELDS) {
      const list = doc[field];
      if (Array.isArray(list)) {
        for (const item of list) if (isObj(item) && typeof item.path === "string") ownFile(item.path);
      }
    }
  }
  for (const f of files) if (kustomizations.has(dirOf(f)) && /\.(ya?ml|json)$/.test(f)) plan.owned.add(f);
  const included = /* @__PURE__ */ new Set();
  for (const k of kustomizations.values()) for (const d of k.dirs) included.add(d);
  const roots = settings.kustomize ? settings.kustomize.map((d) => posix3.normalize(d).replace(/\/$/, "") || ".") : [...kustomizations.values()].filter((k) => !k.component && !included.has(k.dir) && inScope(k.file)).map((k) => k.dir);
  for (const root of roots) {
    const k = kustomizations.get(root);
    if (!k) {
      plan.problems.push({ file: root, message: `kubernetes.kustomize: "${root}" holds no kustomization.yaml` });
      continue;
    }
    const remote = closure(root, kustomizations).flatMap((d) => (kustomizations.get(d)?.remote ?? []).map((r) => `${r.ref} (in ${kustomizations.get(d)?.file})`));
    if (remote.length > 0) {
      plan.problems.push({ file: k.file, message: `not built: it includes remote resources the gate does not fetch (it never reaches the network): ${remote.join(", ")}; vendor them or build the overlay in an earlier step and point kubernetes.paths at its output` });
      continue;
    }
    plan.kustomizations.push(root);
  }
  for (const k of kustomizations.values())
    if (k.component && ![...roots].some((r) => closure(r, kustomizations).includes(k.dir))) plan.notes.push(`component ${k.dir}: used by no overlay that is built, so not counted`);
}
function closure(root, all) {
  const seen = /* @__PURE__ */ new Set();
  const stack = [root];
  while (stack.length > 0) {
    const d = stack.pop();
    if (seen.has(d)) continue;
    seen.add(d);
    for (const next of all.get(d)?.dirs ?? []) stack.push(next);
  }
  return [...seen];
}
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}

// src/workspace/render/index.ts
var NOTHING_RENDERED = { sources: [], owned: [], problems: [], notes: [] };
async function renderDeployments(root, files, settings, readText, pathEnv, signal, inScope) {
  const plan = planRendering(files, settings, readText, inScope);
  if (plan.charts.length === 0 && plan.kustomizations.length === 0) return { sources: [], owned: [...plan.owned], problems: plan.problems, notes: plan.notes };
  const helm = plan.charts.length > 0 ? findTool("helm", pathEnv) : void 0;
  const kustomizeBin = plan.kustomizations.length > 0 ? findTool("kustomize", pathEnv) : void 0;
  const kubectl = plan.kustomizations.length > 0 && !kustomizeBin ? findTool("kubectl", pathEnv) : void 0;
  const kustomizer = kustomizeBin ? { bin: kustomizeBin, args: ["build"] } : kubectl ? { bin: kubectl, args: ["kustomize"] } : void 0;
  const kustomizationFile = (dir) => files.find((f) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(f) && (dir === "." ? !f.includes("/") : f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes("/"))) ?? `${dir}/kustomization.yaml`;
  const runs = await Promise.all([
    ...plan.charts.map((c) => renderChart(root, c, helm, readText, signal)),
    ...plan.kustomizations.map((d) => buildKustomization(root, d, kustomizationFile(d), kustomizer, readText, signal))
  ]);
  const notes = [...plan.notes];
  for (const c of plan.charts) notes.push(`chart ${c.chart}: rendered with helm template (release ${c.release ?? "release"}, namespace ${c.namespace ?? "default"}${c.values?.length ? `, values ${c.values.join(", ")}` : ", default values"})`);
  for (const d of plan.kustomizations) notes.push(`kustomization ${d}: built with ${kustomizer ? kustomizer.args[0] === "build" ? "kustomize build" : "kubectl kustomize" : "(no tool)"}`);
  return {
    sources: runs.flatMap((r) => r.sources),
    owned: [...plan.owned],
    problems: [...plan.problems, ...runs.flatMap((r) => r.problem ? [r.problem] : [])],
    notes
  };
}
function renderedObjects(rendered) {
  const objects = [];
  const problems = [];
  let hookTests = 0;
  for (const source of rendered.sources) {
    const map = source.lineMap;
    try {
      const docs = parseYamlDocuments(source.text, source.file, "kubernetes", { mapLine: (l) => map[l] ?? 1 });
      for (const obj of kubernetesObjects(docs, source.file)) {
        const meta = isObj(obj.raw.metadata) ? obj.raw.metadata : void 0;
        if (source.namespace && !(meta && typeof meta.namespace === "string" && meta.namespace !== "")) {
          obj.namespace = source.namespace;
          obj.resource = `${obj.kind}/${source.namespace}/${obj.name}`;
        }
        const annotations = meta && isObj(meta.annotations) ? meta.annotations : void 0;
        if (annotations && ORIGIN_ANNOTATION in annotations) {
          delete annotations[ORIGIN_ANNOTATION];
          if (meta && Object.keys(annotations).length === 0) delete meta.annotations;
        }
        obj.bundle = source.via;
        const hook = annotations?.["helm.sh/hook"];
        if (typeof hook === "string" && hook.split(",").some((h) => h.trim() === "test" || h.trim() === "test-success")) {
          hookTests++;
          continue;
        }
        objects.push(obj);
      }
    } catch (err) {
      if (!(err instanceof YamlError)) throw err;
      problems.push({ file: source.file, ...err.line ? { line: err.line } : {}, message: `${source.via} renders invalid YAML: ${err.message}` });
    }
  }
  const notes = hookTests > 0 ? [`${hookTests} helm test hook object(s) (helm.sh/hook: test) not audited: they exist only during \`helm test\``] : [];
  return { objects, problems, notes };
}

// src/workspace/workspace.ts
var SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git", ".mcp-gate"]);
var NOT_MANIFESTS = ["vendor/**", "**/vendor/**", "third_party/**", "**/third_party/**", ".github/**"];
var JSON_SNIFF_BYTES = 1024 * 1024;
var MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
var MAX_PATHS_PER_DIRECTORY = 8;
var Workspace = class _Workspace {
  root;
  #walked;
  #text = /* @__PURE__ */ new Map();
  #k8s = /* @__PURE__ */ new Map();
  #rendered = NOTHING_RENDERED;
  constructor(root) {
    this.root = root;
  }
  /**
   * The same tree with the file list walked once, and no read or parse
   * cache: for checks that share nothing with the ones before, so what
   * those read can be collected.
   */
  fresh() {
    const w = new _Workspace(this.root);
    w.#walked = this.#walk();
    w.#rendered = this.#rendered;
    return w;
  }
  /** Whether the files under root hold at least `n` bytes (stops counting there; unreadable files count 0). */
  holdsBytes(n) {
    let total = 0;
    for (const f of this.files()) {
      total += statSync(join4(this.root, f), { throwIfNoEntry: false })?.size ?? 0;
      if (total >= n) return true;
    }
    return false;
  }
  /**
   * Every readable regular file under root (repository-relative, forward
   * slashes), sorted. Symlinks inside the repository are followed, so a file
   * reached through a linked directory is listed under each path to it.
   */
  files() {
    return this.#walk().files;
  }
  /** Paths the walk could not list as readable files: unreadable, special files, links that dangle or leave the repository. */
  problems() {
    return this.#walk().problems;
  }
  /** Symlinks that point back at a directory they are in (listed once, not followed round). */
  loops() {
    return this.#walk().loops;
  }
  #walk() {
    if (this.#walked) return this.#walked;
    const walked = { files: [], problems: [], loops: [] };
    const problem = (path, directory, message) => walked.problems.push({ path: path || ".", directory, message });
    let rootReal;
    try {
      rootReal = realpathSync3(this.root);
    } catch (err) {
      problem("", true, errnoText(err, "cannot be read"));
      this.#walked = walked;
      return walked;
    }
    const timesListed = /* @__PURE__ */ new Map();
    const readable = (path) => {
      try {
        accessSync2(join4(this.root, path), constants2.R_OK);
        return true;
      } catch (err) {
        problem(path, false, errnoText(err, "cannot be read"));
        return false;
      }
    };
    const walk = (rel, real, ancestors) => {
      const times = (timesListed.get(real) ?? 0) + 1;
      if (times > MAX_PATHS_PER_DIRECTORY) {
        problem(rel, true, `is a directory reached through more than ${MAX_PATHS_PER_DIRECTORY} symlinked paths; not listed under this one`);
        return;
      }
      timesListed.set(real, times);
      let entries;
      try {
        entries = readdirSync3(join4(this.root, rel), { withFileTypes: true });
      } catch (err) {
        problem(rel, true, errnoText(err, "directory cannot be read"));
        return;
      }
      entries.sort((a, b) => compareStrings(a.name, b.name));
      const inside = [...ancestors, real];
      for (const e of entries) {
        if (SKIP_DIRS.has(e.name)) continue;
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(path, `${real}/${e.name}`, inside);
        else if (e.isFile()) {
          if (readable(path)) walked.files.push(path);
        } else if (e.isSymbolicLink()) followLink(path, inside);
        else problem(path, false, `is ${specialKind(e)}, not a regular file; not read`);
      }
    };
    const followLink = (path, ancestors) => {
      const abs = join4(this.root, path);
      let target;
      try {
        target = realpathSync3(abs);
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT") problem(path, false, `is a dangling symlink (to ${linkText(abs)}); not read`);
        else problem(path, false, errnoText(err, "symlink cannot be resolved"));
        return;
      }
      if (!isInside(rootReal, target)) {
        problem(path, false, `is a symlink that leaves the repository (to ${target}); not read`);
        return;
      }
      let st;
      try {
        st = statSync(target);
      } catch (err) {
        problem(path, false, errnoText(err, "symlink target cannot be read"));
        return;
      }
      if (st.isDirectory()) {
        if (ancestors.includes(target)) walked.loops.push(path);
        else walk(path, target, ancestors);
      } else if (st.isFile()) {
        if (readable(path)) walked.files.push(path);
      } else problem(path, false, `is a symlink to ${specialKind(st)} (${target}), not a regular file; not read`);
    };
    walk("", rootReal, []);
    walked.files.sort(compareStrings);
    walked.problems.sort((a, b) => compareStrings(a.path, b.path));
    walked.loops.sort(compareStrings);
    this.#walked = walked;
    return walked;
  }
  /** Files matching any of the globs (or the default predicate when none given). */
  select(globs, byDefault) {
    if (!globs || globs.length === 0) return this.files().filter(byDefault);
    const matchers = globs.map(globMatcher);
    return this.files().filter((f) => matchers.some((m) => m(f)));
  }
  /** A file of the tree as strict UTF-8 text (read-file.ts: regular, inside the repository, size checked first). */
  read(file) {
    let text = this.#text.get(file);
    if (text === void 0) {
      text = readRegularText(file, { within: this.root, maxBytes: MAX_MANIFEST_BYTES, display: file });
      this.#text.set(file, text);
    }
    return text;
  }
  /** JSON files that hold an apiVersion and a kind: read only when kubernetes.paths names them, so say they exist. */
  #jsonManifests(owned) {
    const out = [];
    for (const file of this.files()) {
      if (!file.endsWith(".json") || owned.has(file) || file.endsWith(".tools.json") || /(^|\/)(package(-lock)?|tsconfig|composer|\.?[a-z-]*rc)\.json$/.test(file)) continue;
      if ((statSync(join4(this.root, file), { throwIfNoEntry: false })?.size ?? Infinity) > JSON_SNIFF_BYTES) continue;
      let text;
      try {
        text = this.read(file);
      } catch {
        continue;
      }
      if (/"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text)) out.push(file);
    }
    return out;
  }
  /** What helm and kustomize rendered for this run (src/workspace/render/). */
  get rendered() {
    return this.#rendered;
  }
  setRendered(rendered) {
    this.#rendered = rendered;
    this.#k8s.clear();
  }
  /**
   * Kubernetes objects of the repository, parsed once per scope (every
   * check asks with the config's): plain manifest files, minus those only a
   * renderer reads, plus what the charts and overlays render.
   */
  kubernetes(scope) {
    const key = JSON.stringify([scope?.paths ?? null, scope?.exclude ?? null]);
    let cached = this.#k8s.get(key);
    if (!cached) {
      const objects = [];
      const problems = [];
      const owned = new Set(this.#rendered.owned);
      const excluded = [...scope?.exclude ?? [], ...scope?.paths ? [] : NOT_MANIFESTS].map(globMatcher);
      let skippedOwned = 0;
      let skippedExcluded = 0;
      for (const file of this.select(scope?.paths, isYamlFile)) {
        if (owned.has(file)) {
          skippedOwned++;
          continue;
        }
        if (excluded.some((m) => m(file))) {
          skippedExcluded++;
          continue;
        }
        try {
          const docs = parseYamlDocuments(this.read(file), file, "kubernetes");
          objects.push(...kubernetesObjects(docs, file));
        } catch (err) {
          if (err instanceof YamlError) problems.push({ file, line: err.line, message: `invalid YAML: ${err.message}` });
          else if (err instanceof InputError) problems.push({ file, line: err.line, message: err.message });
          else problems.push({ file, message: `cannot read: ${err.message}` });
        }
      }
      const rendered = renderedObjects(this.#rendered);
      objects.push(...rendered.objects);
      problems.push(...this.#rendered.problems, ...rendered.problems);
      const notes = [...this.#rendered.notes, ...rendered.notes];
      if (skippedOwned > 0) notes.push(`${skippedOwned} YAML file(s) read only through helm, kustomize or a test runner (templates, values, patches, test assertions)`);
      if (skippedExcluded > 0)
        notes.push(`${skippedExcluded} YAML file(s) not read as manifests (${scope?.exclude?.length ? "kubernetes.exclude, " : ""}vendor/, third_party/ and .github/ are skipped unless kubernetes.paths names them)`);
      if (!scope?.paths) {
        const json = this.#jsonManifests(owned);
        if (json.length > 0)
          notes.push(`${json.length} JSON file(s) look like Kubernetes manifests but are not read (${json.slice(0, 3).join(", ")}${json.length > 3 ? ", \u2026" : ""}): name them in kubernetes.paths`);
      }
      cached = { objects, problems, notes };
      this.#k8s.set(key, cached);
    }
    return cached;
  }
};
function isYamlFile(file) {
  return file.endsWith(".yaml") || file.endsWith(".yml");
}
function specialKind(e) {
  if (e.isFIFO()) return "a FIFO";
  if (e.isSocket()) return "a socket";
  if (e.isCharacterDevice()) return "a character device";
  if (e.isBlockDevice()) return "a block device";
  return "not a regular file";
}
function linkText(abs) {
  try {
    return readlinkSync(abs);
  } catch {
    return "an unreadable target";
  }
}
function errnoText(err, what) {
  const code = err.code;
  if (code === "EACCES" || code === "EPERM") return `${what}: permission denied`;
  if (code === "ELOOP") return `${what}: symlink loop`;
  return `${what}: ${code ?? err.message}`;
}

export {
  globProblem,
  globMatcher,
  writeFileAtomic,
  renderDeployments,
  MAX_MANIFEST_BYTES,
  Workspace,
  isYamlFile
};
