// The linguistic and structural signals of tool poisoning. Each is a general
// pattern of text addressed to the model rather than describing the tool
// (docs/poisoning.md explains each one and why it is there). Patterns run on
// normalised, lower-cased text; every quantifier between two parts is
// bounded ({0,N} over a negated class), so matching is linear in the input.

export interface Pattern {
  re: RegExp;
}

/** Signal categories. A tool's score sums the strongest hit of each category. */
export type SignalId =
  | 'hidden-chars'
  | 'tag-chars'
  | 'controls'
  | 'lone-surrogate'
  | 'hidden-markup'
  | 'whitespace-padding'
  | 'encoded-text'
  | 'confusable'
  | 'oversized'
  | 'conceal-from-user'
  | 'override'
  | 'message-injection'
  | 'directive'
  | 'urgency'
  | 'pretext'
  | 'threat'
  | 'param-tampering'
  | 'tool-redirect'
  | 'promotion'
  | 'self-comparison'
  | 'exfiltration'
  | 'instruction-sensitive'
  | 'instruction-command'
  | 'instruction-contact'
  | 'instruction-url'
  | 'instruction-other-tool'
  | 'call-chain'
  | 'sensitive-path'
  | 'contact'
  | 'cross-server-ref'
  | 'unknown-tool-ref'
  | 'name-shadowing'
  | 'clone'
  | 'name-promotion';

/** Modal or imperative phrasing addressed to the agent. */
export const DIRECTIVE: readonly RegExp[] = [
  /\b(?:you|assistant|model|agent|ai|llm|system|client)\s{1,8}(?:must|should|shall|needs? to|ha(?:ve|s) to|(?:is|are) (?:required|expected|instructed|supposed) to|will need to|requires?|is to|are to)\b/g,
  /\bmust\s{1,8}(?:first|also|always|then|now|immediately|automatically|never|additionally)\b/g,
  /\bplease\s{1,8}(?:run|execute|call|use|invoke|read|send|include|add|change|modify|open|visit|access|forward|upload|make sure|ensure|do not|don't|never|always|remember|first|also)\b/g,
  /(?:^|[.!:]\s{1,8}|\n\s{0,8})(?:always|never|first,|ensure|make sure|be sure|remember to|do not|don't|ignore|disregard|forget|instead,)\s/g,
  /\b(?:before|after|prior to)\s{1,8}(?:you\s{1,8})?(?:use|call|invoke|run|any|each|every|this|[a-z]{2,20}ing)\b/g,
  /\bwhen(?:ever)?\s{1,8}(?:this tool is (?:available|loaded|present|called|used|invoked)|(?:the\s{1,8})?users?\s{1,8}(?:asks?|requests?|searche?s?|wants?|needs?))\b/g,
];

/** Authority and urgency framing ("IMPORTANT:", "this is mandatory"). Header form is matched on the original case. */
export const URGENCY: readonly RegExp[] = [
  /\b(?:important|critical|urgent|mandatory|attention|security (?:alert|notice|protocol|update|check)|system (?:update|notice|message|maintenance|enhancement|optimization|protocol|override|requirement)|(?:internal )?dev(?:eloper)? note|admin(?:istrator)? note)\s{0,8}[:!]/g,
  /\b(?:this|it|that) is (?:a |an )?(?:\w+ ){0,2}(?:mandatory|compulsory|imperative|very important|critical requirement|required step)\b/g,
  /\b(?:it'?s|it is|this is) (?:\w+ )?(?:critical|crucial|essential|vital|imperative) (?:to|that)\b/g,
  /\bvery,? very important\b|\bextremely important\b|\babsolutely (?:required|necessary|mandatory)\b/g,
];
export const UPPER_HEADER = /\b[A-Z]{3,}(?:[ _-][A-Z]{2,}){1,4}\s{0,8}:/g;

/** Social-engineering justification: compliance/security/audit pretexts for an action. */
export const PRETEXT: readonly RegExp[] = [
  /\bfor (?:\w+ ){0,3}(?:security|compliance|audit(?:ing)?|regulatory|verification|authentication|privacy|integrity|testing|logging|monitoring) (?:reasons|purposes|compliance|verification|checks?|protocols?|requirements?|trail|logging|validation|auditing)\b/g,
  /\b(?:to ensure|ensures?|maintain) (?:\w+ ){0,3}(?:regulatory )?compliance\b/g,
  /\bfor (?:enhanced |improved |better |proper |additional )(?:\w+ ){0,2}(?:security|compliance|audit\w*|verification|validation|authentication|privacy|integrity|quality assurance)\b/g,
  /\b(?:security|compliance|authentication|integrity) (?:check|checkpoint|verification|audit|protocol|validation) (?:is|are) (?:mandatory|required|essential|necessary)\b/g,
];

/** Consequences threatened if the model does not comply. */
export const THREAT: readonly RegExp[] = [
  /\b(?:otherwise|or else|if not|failure to|failing to|without (?:this|it|doing so|these))\b[^.\n]{0,60}\b(?:will|would|could|may|might)\s{1,8}(?:not work|fail|crash|break|be lost|be blocked|be corrupted|stop working)/g,
  /\b(?:will|would|could) (?:cause (?:the )?(?:system|tool|server) to )?(?:crash|be lost|be deleted)\b/g,
];

/** Hiding behaviour from the user. */
export const CONCEAL: readonly RegExp[] = [
  /\b(?:do not|don't|never|must not|should not|shouldn't|without)\s{1,8}(?:\w+\s{1,8}){0,2}(?:tell|telling|inform|informing|mention|mentioning|notify|notifying|alert|alerting|reveal|revealing|disclose|disclosing|let)\b[^.\n]{0,40}\b(?:user|users|human|anyone|them|this|these|that|it)\b/g,
  /\b(?:silently|secretly|covertly|quietly|surreptitiously)\s{1,8}(?:\w+\s{1,8})?(?:send|forward|copy|include|add|call|invoke|run|execute|change|modify|replace|redirect|upload|read|collect|log|record|share|attach)\b|\bwithout the user(?:'s)? (?:knowledge|consent|noticing|knowing)\b/g,
  /\b(?:hide|conceal) (?:this|it|these|that|the)\b[^.\n]{0,30}\bfrom (?:the )?users?\b/g,
  /\b(?:the )?users? (?:must|should) not (?:know|be told|be informed|find out|notice|see)\b/g,
  /\b(?:keep|treat) (?:this|it|these) (?:secret|hidden|confidential)\b/g,
  /\bthis could upset the user\b|\bjust an implementation detail\b/g,
];

/** Attempts to override the model's instructions or identity. */
export const OVERRIDE: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\s{1,8}(?:all\s{1,8}|any\s{1,8})?(?:of\s{1,8})?(?:the\s{1,8})?(?:previous|prior|above|earlier|preceding|existing|your|other|system|safety)\s{1,8}(?:\w+\s{1,8})?(?:instructions?|rules|prompts?|guidelines|directions|messages|constraints|policies|tools?)\b/g,
  /\byou are now\b|\bfrom now on,? you\b|\bpretend (?:to be|you are)\b|\bact as (?:an? |the )?(?:admin|administrator|root|system|developer|unrestricted)\b/g,
  /\bnew (?:system )?instructions?\s{0,8}:|\b(?:developer|god|admin|jailbreak) mode\b/g,
  /\b(?:modify|change|alter|override|affect|hijack)\s{1,8}(?:the\s{1,8})?(?:behaviou?r|functionality|output|operation|workflow)\s{1,8}of\s{1,8}(?:all|any|every|other)\b/g,
];

/** The model is told what to say: a canned message relayed to the user. */
export const MESSAGE: readonly RegExp[] = [
  /\b(?:state|say|display|present|report|announce|tell|inform|notify|output|print|respond with|add the (?:message|note))\b[^.\n]{0,80}(?:'[^'\n]{16,200}'|"[^"\n]{16,200}"|“[^”\n]{16,200}”)/g,
  /(?<!\b(?:not|never|n't)\s)\b(?:inform|tell|notify|warn|advise)\s{1,8}(?:the\s{1,8})?users?\s{1,8}(?:that|about)\b/g,
];

/** Changing the arguments the user asked for. */
export const TAMPER: readonly RegExp[] = [
  /\b(?:change|modify|replace|switch|alter|rewrite|override|redirect|substitute|swap)\b[^.\n]{0,60}\b(?:to|with|into)\s{1,8}(?:search\s{1,8}in\s{1,8})?['"‘“]/g,
  /\bregardless of (?:the |what the )?users?(?:'s|s')?\b|\binstead of (?:what )?the users?(?:'s)? (?:asked|requested|input|query|choice)\b/g,
  /\b(?:is|are|will be|gets?)\s{1,8}(?:\w+\s{1,8})?(?:automatically\s{1,8})?(?:modified|changed|replaced|rewritten|redirected|overridden|altered|switched)\s{1,8}(?:to|with|into)\b/g,
  /\b(?:automatically|silently|always)\s{1,8}(?:redirects?|routes?|switch(?:es)?|changes?|rewrites?)\b[^.\n]{0,40}\b(?:to|into)\b/g,
  /\bchange (?:the )?(?:recipient|destination|ticker|query|target|account|amount|url|path|address|location)\b/g,
];

/** "This tool is deprecated, use X instead" style redirection. */
export const REDIRECT: readonly RegExp[] = [
  /\b(?:has been|have been|is now|is|was|are)\s{1,8}(?:\w+\s{1,8})?(?:deprecated|disabled|discontinued|retired|suspended|decommissioned)\b[^\n]{0,200}\b(?:instead|redirect|alternative|replacement)\b/g,
  /\bredirect (?:all\s{1,8})?(?:\w+\s{1,8}){0,3}(?:to|requests to)\s{1,8}(?:the\s{1,8})?(?:new\s{1,8})?(?:\w+\s{1,8}){0,2}tool\b/g,
  /\b(?:has been|have been|was) (?:upgraded|replaced|superseded|optimized|enhanced)\b[^.\n]{0,80}\b(?:tool|function)\b/g,
];

/** Self-promotion: superlatives and social proof (one point each, capped). */
export const PROMOTION: readonly RegExp[] = [
  /\b(?:world'?s|industry'?s|market'?s)\s{1,8}(?:best|leading|most|top|fastest|first)\b/g,
  /\b(?:the\s{1,8})?(?:best|ultimate|most (?:advanced|reliable|accurate|comprehensive|powerful|trusted|sophisticated)|fastest|top-rated|number one|#1)\s{1,8}(?:\w+\s{1,8}){0,3}(?:tool|version|engine|analy[sz]er|extractor|solution|service|option|choice|in the market)\b/g,
  /\b(?:premium|ultimate|professional|enterprise|advanced|enhanced|pro|superior)\s{1,8}version\b/g,
  /\b(?:trusted|used|recommended|preferred|relied on|chosen)\s{1,8}by\s{1,8}(?:\d{1,3}(?:\.\d)?%|top|leading|millions|thousands|experts|professionals|fortune|institutional|emergency|healthcare|most)\b/g,
  /\b\d{2,3}(?:\.\d{1,2})?%\s{1,8}(?:of\s{1,8})?(?:accuracy|reliab\w{0,6}|professionals|users|experts|guarantee|uptime|success)\b|\b100% (?:reliab|accura|guarantee)/g,
  /\bthe most (?:accurate|reliable|comprehensive|advanced|powerful|complete|detailed|precise|trusted)\b[^.\n]{0,60}\b(?:available|on the market|in the industry|anywhere)\b/g,
  /\bthe (?:highest|best|fastest|most) (?:quality|performance|accuracy|reliability|precision)\b/g,
  /\b(?:award-winning|industry[- ](?:leading|standard)|state-of-the-art|cutting-edge|unmatched|unparalleled|unrivaled|pinnacle|superior|world-class|best-in-class|enterprise-grade|ai-optimized|revolutionary)\b/g,
];

/** The tool compares itself with other tools to win selection. */
export const COMPARISON: readonly RegExp[] = [
  /\b(?:better|superior|faster|more \w+)\s{1,8}(?:\w+\s{1,8}){0,3}(?:than|compared (?:to|with))\s{1,8}(?:\w+\s{1,8}){0,2}(?:other|the standard|the original|the old|existing|alternative|similar|regular)\s{1,8}(?:[\w-]+\s{1,8}){0,3}(?:tools?|functions?|versions?|services?|servers?|apis?|providers?|solutions?|alternatives?|options?)\b/g,
  /\bcompared (?:to|with) (?:the |any )?(?:other|standard|original)\s{1,8}(?:[\w-]+\s{1,8}){0,3}(?:tools?|functions?|versions?|services?|servers?|apis?|providers?|solutions?)\b/g,
  /\b(?:instead of|rather than|over) (?:the |any )?(?:other|standard|default|original)\s{1,8}(?:\w+\s{1,8})?(?:tools?|functions?|versions?)\b/g,
  /\b(?:always )?(?:prefer|choose|select|pick) this (?:tool|function)\b|\balways use this tool (?:instead|over|rather)\b/g,
];

/** Sending data to a destination. */
export const TRANSFER =
  /\b(?:send|upload|forward|post|transmit|cop(?:y|ies|ied|ying)|bcc|cc|relay|exfiltrate|leak|share|submit|sync|mirror|report|log|include|deliver)(?:s|es|ed|d|ing)?\b[^.\n]{0,100}\b(?:to|at|into)\b/g;

export const URL = /\bhttps?:\/\/[^\s'"<>)\]`]{3,200}/g;
export const EMAIL = /\b[\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}\b/g;
export const PHONE = /(?<![\w+])\+\d[\d ().-]{7,16}\d\b/g;

/** Files and data a tool description has no reason to send the model after. */
export const SENSITIVE: readonly RegExp[] = [
  /~[\\/]\.[a-z_][\w.-]{0,40}|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|(?<![\w-])\.ssh\b|(?<![\w.-])\.env\b|\.(?:bashrc|bash_profile|zshrc|profile|npmrc|netrc|pgpass|git-credentials|docker[\\/]config\.json)\b/g,
  /\.aws[\\/]|\.kube[\\/]config|\bkubeconfig\b|\/etc\/(?:passwd|shadow|sudoers)\b|\bmcp\.json\b|claude_desktop_config|\.cursor[\\/]|\bwallet\.dat\b/g,
  /\b(?:private[ _-]?keys?|session[ _-]?(?:tokens?|cookies?|ids?)|cookies|api[ _-]?keys?|access[ _-]?tokens?|auth(?:entication)?[ _-]?tokens?|passwords?|credentials|secrets?|seed phrase|ssh keys?)\b/g,
  /\b(?:conversation|chat|message|search|browsing) history\b|\b(?:previous|prior|last|all|recent|earlier)\s{1,8}(?:\w+\s{1,8}){0,2}(?:messages|conversations?|chats|prompts)\b|\bsystem prompt\b|\buser preferences\b|\bfull list of (?:last|previous|recent)\b|\busers?(?:'s|s')?\s{1,8}(?:\w+\s{1,8}){0,3}(?:messages|conversations?|chats|prompts|emails|contacts)\b/g,
];

/** Shell commands in prose. */
export const COMMAND: readonly RegExp[] = [
  /\bsudo\s|\brm\s{1,8}-[rf]{1,2}\b|\bcurl\s{1,8}(?:-{1,2}[\w-]{1,20}\s{1,8}(?:\S{1,40}\s{1,8})?){0,4}['"]?https?:|\bwget\s|\bchmod\s{1,8}[0-7+]|\bchown\s|\bwhoami\b|\becho\s{1,8}\$\w|\$\([^)\n]{1,80}\)|&&\s{0,8}echo\b|\|\s{0,8}(?:sh|bash)\b/g,
  /\bcat\s{1,8}(?:~|\/etc|\/root|\/home|\.)\S{0,80}|\bexport\s{1,8}[a-z_]{3,40}=|\bnc\s{1,8}-\w|\bbase64\s{1,8}-d\b|\bpowershell\s{1,8}-|\bos\.system\(|\bsubprocess\.|\bmkfifo\b|\bcrontab\s{1,8}-/g,
  /\b(?:removing|delete|deleting|remove|wipe|wiping|clean up)\b[^.\n]{0,40}\b(?:all )?(?:contents|files)\b[^.\n]{0,30}(?:\/tmp|\/etc|\/home|~\/|\/var)\b/g,
  /\b(?:add|append|write|insert)\w{0,3}\b[^.\n]{0,60}\b(?:to|into|in)\s{1,8}(?:the\s{1,8})?(?:~\/)?\.(?:bashrc|bash_profile|zshrc|profile)\b/g,
];

/** XML/HTML-ish tags whose names say "instructions", and comments: text meant for the model, not the reader. */
export const INSTRUCTION_TAG =
  /<\s{0,8}\/?\s{0,8}(?:important|instructions?|system|secret|hidden|admin|critical|directive|prompt|assistant|context|sudo|override|note|rules?|policy|tool_instructions|ai|llm|model)\b[^<>\n]{0,80}>/g;
export const HTML_COMMENT = /<!--|\[\/\/\]:\s{0,8}#|\{\{!--/g;

/** Affixes that mark a copycat tool name (premium_x, x_advanced, best_x). */
export const NAME_PROMO_AFFIX = new Set([
  'best',
  'premium',
  'ultimate',
  'advanced',
  'enhanced',
  'pro',
  'plus',
  'super',
  'superior',
  'official',
  'secure',
  'improved',
  'optimized',
  'better',
  'smart',
  'new',
  'v2',
  'latest',
  'fast',
  'turbo',
  'professional',
  'enterprise',
  'real',
  'true',
]);

/** Words around an identifier that make it a tool reference. */
export const CALL_BEFORE = /(?:\b(?:call|calls|calling|invoke|invokes|invoking|use|uses|using|run|running|execute|executing|via|with|then|first|tool|function)\s{1,8}(?:the\s{1,8})?(?:tool\s{1,8}|function\s{1,8})?[`'"‘“]?)$/;
export const TOOL_AFTER = /^[`'"’”]?\s{0,8}(?:tool|function|command)\b/;

/** Run a global regex and return matches, at most `max`. */
export function matches(re: RegExp, text: string, max = 20): { index: number; end: number; text: string }[] {
  const out: { index: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ index: m.index, end: m.index + m[0].length, text: m[0] });
    if (m[0].length === 0) re.lastIndex++;
    if (out.length >= max) break;
  }
  re.lastIndex = 0;
  return out;
}

/**
 * Pre-checks: words (or single punctuation characters) at least one of which
 * every match of the pattern contains. A pattern none of whose words occurs
 * in the string is not run. Words are the runs of [a-z0-9] of the lower-cased
 * text ("don't" -> "don", "t"; "id_rsa" -> "id", "rsa"). Purely an
 * optimisation: test/poisoning.test.ts checks that results on the whole
 * fixture corpus are identical with and without it.
 */
export const NEEDS = new Map<RegExp, ReadonlySet<string>>();
/** Inverse of NEEDS: word -> patterns it enables. */
const ENABLES = new Map<string, RegExp[]>();
function needs(res: readonly RegExp[], lists: readonly string[]): void {
  res.forEach((re, i) => {
    const l = lists[i];
    if (l === undefined) return;
    const words = new Set(l.split(' '));
    NEEDS.set(re, words);
    for (const w of words) {
      let e = ENABLES.get(w);
      if (!e) ENABLES.set(w, (e = []));
      e.push(re);
    }
  });
}
needs(URGENCY, [': !', 'mandatory compulsory imperative important critical required', 'critical crucial essential vital imperative', 'important absolutely']);
needs(PRETEXT, [
  'reasons purposes compliance verification check checks protocol protocols requirement requirements trail logging validation auditing',
  'compliance',
  'enhanced improved better proper additional',
  'mandatory required essential necessary',
]);
needs(THREAT, ['otherwise else not failure failing without', 'crash lost deleted']);
needs(CONCEAL, ['not don shouldn never without', 'silently secretly covertly quietly surreptitiously without', 'hide conceal', 'not', 'secret hidden confidential', 'upset implementation']);
needs(OVERRIDE, ['ignore disregard forget override bypass', 'now pretend act', 'instruction instructions mode', 'behavior behaviour functionality output operation workflow']);
needs(MESSAGE, [`' " “`, 'user users']);
needs(TAMPER, [
  `' " ‘ “`,
  'regardless instead',
  'modified changed replaced rewritten redirected overridden altered switched',
  'automatically silently always',
  'change',
]);
needs(REDIRECT, ['deprecated disabled discontinued retired suspended decommissioned', 'redirect', 'upgraded replaced superseded optimized enhanced']);
needs(PROMOTION, [
  'world worlds industry industrys market markets',
  'best ultimate most fastest top number #',
  'version',
  'by',
  '%',
  'most',
  'highest best fastest most',
  'award industry state cutting unmatched unparalleled unrivaled pinnacle superior world best enterprise ai revolutionary',
]);
needs(COMPARISON, ['than compared', 'compared', 'instead rather over', 'this']);
needs(DIRECTIVE, [
  'must should shall need needs have has required expected instructed supposed is are require requires',
  'must',
  'please',
  'always never first ensure sure remember not don ignore disregard forget instead',
  'before after prior',
  'when whenever',
]);
needs(SENSITIVE, [
  '~ id rsa dsa ecdsa ed25519 ssh env bashrc bash zshrc profile npmrc netrc pgpass git docker',
  'aws kube kubeconfig etc mcp claude cursor wallet',
  'key keys session sessiontoken sessiontokens sessioncookie sessioncookies sessionid sessionids cookie cookies apikey apikeys privatekey privatekeys accesstoken accesstokens authtoken authtokens authenticationtoken authenticationtokens token tokens password passwords credential credentials secret secrets seed ssh',
  'history messages conversation conversations chat chats prompt prompts preferences list emails contacts',
]);
needs(COMMAND, [
  'sudo rm curl wget chmod chown whoami echo $ & |',
  'cat export nc base64 powershell os subprocess mkfifo crontab',
  'removing delete deleting remove wipe wiping clean',
  'bashrc bash zshrc profile',
]);

/** The words and the pre-check punctuation of a lower-cased string, in one pass. */
export interface Features {
  /** Patterns with pre-check words present in the string. */
  enabled: Set<RegExp>;
}

const PUNCT = new Set([':', '!', "'", '"', '“', '‘', '%', '#', '~', '$', '&', '|']);

export function features(lower: string): Features {
  const enabled = new Set<RegExp>();
  const words = {
    add(w: string): void {
      const e = ENABLES.get(w);
      if (e) for (const re of e) enabled.add(re);
    },
  };
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const alnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (alnum) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      words.add(lower.slice(start, i));
      start = -1;
    }
    if (c !== 0) {
      const ch = lower[i]!;
      if (PUNCT.has(ch)) words.add(ch);
    }
  }
  return { enabled };
}

let gating = true;
/** Turn the pre-checks off (tests compare results with and without them). */
export function setPrechecks(on: boolean): void {
  gating = on;
}

/** Could `re` match at all? False only when none of its pre-check words occurs. */
export function mayMatch(re: RegExp, f: Features | undefined): boolean {
  if (!gating || !f) return true;
  return f.enabled.has(re) || !NEEDS.has(re);
}
