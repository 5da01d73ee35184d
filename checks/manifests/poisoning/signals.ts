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
  | 'name-promotion'
  | 'out-of-scope-request'
  | 'shadowing-claim'
  | 'user-impersonation'
  | 'model-address';

/** Modal or imperative phrasing addressed to the agent. */
export const DIRECTIVE: readonly RegExp[] = [
  /\b(?:you|assistant|model|agent|ai|llm|system|client)\s{1,8}(?:must|should|shall|needs? to|ha(?:ve|s) to|(?:is|are) (?:required|expected|instructed|supposed) to|will need to|requires?|is to|are to)\b/g,
  /\bmust\s{1,8}(?:first|also|always|then|now|immediately|automatically|never|additionally)\b/g,
  /\bplease\s{1,8}(?:run|execute|call|use|invoke|read|send|include|add|change|modify|open|visit|access|forward|upload|make sure|ensure|do not|don't|never|always|remember|first|also)\b/g,
  /(?:^|[.!:]\s{1,8}|\n\s{0,8})(?:always|never|first,|ensure|make sure|be sure|remember to|do not|don't|ignore|disregard|forget|instead,)\s/g,
  /\b(?:before|after|prior to)\s{1,8}(?:you\s{1,8})?(?:use|call|invoke|run|any|each|every|this|[a-z]{2,20}ing)\b/g,
  /\bwhen(?:ever)?\s{1,8}(?:this tool is (?:available|loaded|present|called|used|invoked)|(?:the\s{1,8})?users?\s{1,8}(?:asks?|requests?|searche?s?|wants?|needs?))\b/g,
  // "before X, execute this tool": a tool inserting itself into other calls.
  /\b(?:before|after|whenever|every time|each time)\b[^.\n]{0,60}\b(?:execute|call|run|invoke|use)\s{1,8}this\s{1,8}(?:tool|function|method)\b/g,
];

/** Emphasis ("IMPORTANT:", "ATTENTION!"). Header form is matched on the original case (UPPER_HEADER). */
export const URGENCY: readonly RegExp[] = [
  /\b(?:important|critical|urgent|mandatory|attention|system (?:update|notice|message|maintenance|enhancement|optimization|protocol|override|requirement)|(?:internal )?dev(?:eloper)? note|admin(?:istrator)? note)\s{0,8}[:!]/g,
];
/** Claims that a step is required ("this is mandatory", "it is critical to"): emphasis that also justifies. */
export const NECESSITY: readonly RegExp[] = [
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
  /\bsecurity (?:alert|notice|protocol|update|check)\s{0,8}[:!]/g,
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
  // Telling the user about the limits of the result (truncated, partial, failed) is honest reporting, not a message to relay.
  /(?<!\b(?:not|never|n't)\s)\b(?:inform|tell|notify|warn|advise)\s{1,8}(?:the\s{1,8})?users?\s{1,8}(?:that|about)\b(?![^.\n]{0,60}\b(?:truncated|incomplete|partial|limited|more results|not all|failed|errors?|unavailable|no results|cut off)\b)/g,
];

/** Changing the arguments the user asked for. */
export const TAMPER: readonly RegExp[] = [
  /\b(?:change|modify|replace|switch|alter|rewrite|override|redirect|substitute|swap)\b[^.\n]{0,60}\b(?:to|with|into)\s{1,8}(?:search\s{1,8}in\s{1,8})?['"‘“]/g,
  /\bregardless of (?:the |what the )?users?(?:'s|s')?\b|\binstead of (?:what )?the users?(?:'s)? (?:asked|requested|input|query|choice)\b/g,
  /\b(?:is|are|will be|gets?)\s{1,8}(?:\w+\s{1,8})?(?:automatically\s{1,8})?(?:modified|changed|replaced|rewritten|redirected|overridden|altered|switched)\s{1,8}(?:to|with|into)\b/g,
  /\b(?:automatically|silently|always)\s{1,8}(?:redirects?|routes?|switch(?:es)?|changes?|rewrites?)\b[^.\n]{0,40}\b(?:to|into)\b/g,
  /\bchange (?:the )?(?:recipient|destination|ticker|query|target|account|amount|url|path|address|location)\b/g,
  /\b(?:replace|overwrite|substitute|swap)\s{1,8}(?:the|its|their|all)\s{1,8}(?:\w+\s{1,8})?(?:values?|arguments?|parameters?|inputs?|operands?|results?)\b/g,
];

/** "This tool is deprecated, use X instead" style redirection. */
export const REDIRECT: readonly RegExp[] = [
  /\b(?:has been|have been|is now|is|was|are)\s{1,8}(?:\w+\s{1,8})?(?:deprecated|disabled|discontinued|retired|suspended|decommissioned)\b[^\n]{0,200}\b(?:instead|redirect|alternative|replacement)\b/g,
  /\bredirect (?:all\s{1,8})?(?:\w+\s{1,8}){0,3}(?:to|requests to)\s{1,8}(?:the\s{1,8})?(?:new\s{1,8})?(?:\w+\s{1,8}){0,2}tool\b/g,
  /\b(?:has been|have been|was) (?:upgraded|replaced|superseded|optimized|enhanced)\b[^.\n]{0,80}\b(?:tool|function)\b/g,
];

/** Self-promotion: superlatives and social proof (one point each, capped). */
export const PROMOTION: readonly RegExp[] = [
  /\b(?:world'?s|industry'?s|market'?s)\s{1,8}(?:best|leading|most|top|fastest|first)\b|\b(?:best|greatest|finest)\b[^.\n]{0,40}\b(?:in the world|there is|of all time|on the planet)\b/g,
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
  // A superlative about itself: "this is the best tool", "the most reliable search tool available".
  /\bthis\s{1,8}(?:tool\s{1,8}|function\s{1,8}|service\s{1,8}|server\s{1,8})?is\s{1,8}(?:the|a|by far the)\s{1,8}(?:best|greatest|ultimate|top(?:-rated| rated| choice| pick)|number one|most (?:reliable|accurate|powerful|advanced|trusted|comprehensive|efficient))\b/g,
  /\b(?:best|greatest|ultimate|most \w+)\s{1,8}(?:[\w-]+\s{1,8}){0,3}(?:tool|function|service|server|solution)s?\s{1,8}(?:in the world|ever|available|on the market|there is|of all)\b/g,
];

/**
 * A parameter or text asking the model for something no tool needs: the
 * caller's identity, its instructions or conversation, other tools' outputs.
 */
export const OUT_OF_SCOPE: readonly RegExp[] = [
  /\b(?:name|identity|identifier|version|type|vendor|provider)\s{1,8}of\s{1,8}(?:the\s{1,8}|this\s{1,8})?(?:llm|ai|language model|large language model|model|assistant|agent|chatbot)\b[^.\n]{0,30}\b(?:that|which|who)\s{1,8}(?:is\s{1,8})?(?:calls?|calling|invokes?|invoking|uses?|using|runs?|running|executes?|executing)\s{1,8}this\b/g,
  /\b(?:your|the calling|the caller'?s?|the invoking)\s{1,8}(?:own\s{1,8})?(?:llm|ai|language model|model|assistant|agent)(?:'s)?\s{1,8}(?:model\s{1,8})?(?:name|identity|version|type)\b/g,
  /\bwhich\s{1,8}(?:llm|ai|model|assistant|language model)\s{1,8}(?:you are|are you|is calling|is using)\b/g,
  /\b(?:your|the assistant'?s|the model'?s|the agent'?s)\s{1,8}(?:\w+\s{1,8}){0,2}(?:system prompt|system message|chat history|conversation history|previous (?:messages|responses))\b/g,
  /\b(?:full|entire|complete|whole|verbatim|exact)\s{1,8}(?:\w+\s{1,8}){0,2}(?:conversation|chat history|dialogue|transcript|system prompt)\b[^.\n]{0,40}\b(?:so far|until now|up to now|with the user|you (?:have|received|were given))\b/g,
  /\b(?:outputs?|results?|responses?|return values?)\s{1,8}(?:of|from)\s{1,8}(?:all\s{1,8}|any\s{1,8}|the\s{1,8})?(?:other|previous|prior|earlier|preceding)\s{1,8}(?:\w+\s{1,8})?(?:tools?|tool calls|functions?|function calls)\b/g,
];

/** Claims about other tools or servers, without naming them: "use this tool rather than others". */
export const CLAIM: readonly RegExp[] = [
  /\b(?:use|call|choose|prefer|select|pick|invoke)\s{1,8}this\s{1,8}(?:tool|function|one|server)\s{1,8}(?:\w+\s{1,8}){0,3}(?:rather than|instead of|over|in place of)\s{1,8}(?:any\s{1,8}|all\s{1,8}|the\s{1,8})?(?:others?|alternatives?|other)\b/g,
  /\b(?:supersedes?|replaces?|overrides?|takes? precedence over|deprecates?|obsoletes?)\s{1,8}(?:the\s{1,8}|any\s{1,8}|all\s{1,8})?(?:[\w-]+\s{1,8}){0,3}(?:tools?|functions?)\s{1,8}(?:from|of|on|in|provided by)\s{1,8}(?:any\s{1,8}|all\s{1,8}|the\s{1,8})?other\b/g,
  /\b(?:tools?|functions?)\s{1,8}(?:from|of|on|in|provided by)\s{1,8}(?:any|all|every)\s{1,8}other\s{1,8}(?:servers?|providers?|mcp)\b/g,
  /\b[a-z][\w-]{1,40}\s{1,8}(?:tool|function)\s{1,8}(?:has been|was|is now)\s{1,8}(?:upgraded|updated|changed|modified|replaced|patched)\b[^.\n]{0,80}\b(?:automatically|now always)\b/g,
];

/** Text in a tool definition that claims to come from the user. */
export const IMPERSONATION: readonly RegExp[] = [
  /\bmessage\s{1,8}from\s{1,8}(?:the\s{1,8}|your\s{1,8})?user\b/g,
  /\bsigned(?:,\s{0,8}|\s{1,8})(?:the\s{1,8}|your\s{1,8})?user\b/g,
  /\btask\s{1,8}(?:that\s{1,8})?i\s{1,8}gave\s{1,8}you\b|\bi,?\s{1,8}the\s{1,8}user,?\s{1,8}(?:want|need|ask|instruct|authori[sz]e)\b|\bas\s{1,8}your\s{1,8}user,?\s{1,8}i\b/g,
  /(?<!\b(?:if|when|unless|once|whether)\s{1,8})\bthe\s{1,8}user\s{1,8}has\s{1,8}(?:already\s{1,8})?(?:instructed|authori[sz]ed|approved|asked|permitted)\s{1,8}you\s{1,8}to\b/g,
];

/** Text addressed to whatever model reads it, rather than describing the tool. */
export const MODEL_ADDRESS: readonly RegExp[] = [
  /\b(?:any|all|every|each)\s{1,8}(?:ai|llm|language model|model|assistant|agent)s?\s{1,8}(?:\w+\s{1,8})?(?:reading|processing|parsing|seeing|receiving)\s{1,8}this\b/g,
  /\b(?:note|message|instructions?|attention)\s{1,8}(?:to|for)\s{1,8}(?:the\s{1,8}|any\s{1,8})?(?:ai|llm|assistant|language model|agent)s?\b/g,
  /\bif\s{1,8}you\s{1,8}are\s{1,8}(?:an?\s{1,8})?(?:ai|llm|language model|assistant|agent|chatbot)\b/g,
  /(?:^|\n|<!--)\s{0,8}(?:ai\s{1,8})?assistant\s{0,8}:/g,
];

/**
 * Families 4-6 (claims, pretexted call chains, user impersonation) in
 * Chinese, the other language of the benign fixtures; run only on text with
 * non-ASCII characters. Index = the English family they add to.
 */
export const CJK: readonly { signal: SignalId; weight: number; re: RegExp }[] = [
  { signal: 'shadowing-claim', weight: 3, re: /(?:使用|调用|选择)(?:此|这个|本)(?:工具|函数)(?:而不是|而非|代替|替代)(?:其他|其它|别的)|(?:取代|替代|覆盖|优先于)(?:所有|任何)?(?:其他|其它)(?:服务器|工具)/g },
  { signal: 'user-impersonation', weight: 3, re: /来自用户的(?:重要)?(?:消息|信息|指示)|(?:签名|署名)\s{0,4}[:：,，]?\s{0,4}用户|我(?:是|作为)(?:你的)?用户|用户已(?:经)?(?:授权|要求|指示)你/g },
  { signal: 'pretext', weight: 1, re: /(?:出于|为了|基于)(?:安全|合规|审计|监管)(?:合规|要求|原因|目的|考虑)?/g },
  { signal: 'directive', weight: 1, re: /(?:你|助手|模型)(?:必须|应该|需要)|(?:必须|务必)(?:先|首先|同时|还要|也要)|(?:在|执行)[^。\n]{0,30}(?:之前|以前|之后)[，,]?\s{0,4}(?:必须|请|务必|先)/g },
  { signal: 'model-address', weight: 2, re: /(?:任何|所有)(?:AI|ai|人工智能|大模型|模型|助手)(?:读到|阅读|看到|处理)/g },
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

/**
 * Pre-checks: groups of words (or single punctuation characters); every
 * match of the pattern contains a word of each of its groups. A pattern with
 * a group none of whose words occurs in the string is not run. Words are the
 * maximal runs of [a-z0-9] of the lower-cased text ("don't" -> "don", "t";
 * "id_rsa" -> "id", "rsa"), so a group may only list words the pattern
 * delimits: by \b, a space or punctuation on both sides. Purely an
 * optimisation: test/poisoning-prechecks.test.ts checks that samples of
 * every pattern, random text and the fixture corpus never match where a
 * pre-check says they cannot.
 */
export const NEEDS = new Map<RegExp, readonly ReadonlySet<string>[]>();
/** Pre-checked pattern -> its number (preCheckIds). */
const GATED = new Map<RegExp, number>();
/** A pattern's pre-check: one group, or several that must all be present. */
type Needs = string | readonly string[];
function needs(res: readonly RegExp[], lists: readonly Needs[]): void {
  res.forEach((re, i) => {
    const l = lists[i];
    if (l === undefined) return;
    NEEDS.set(
      re,
      (typeof l === 'string' ? [l] : l).map((g) => new Set(g.split(' '))),
    );
    GATED.set(re, GATED.size);
  });
}
needs(URGENCY, [
  [': !', 'important critical urgent mandatory attention system dev developer admin administrator'],
]);
needs(NECESSITY, [
  ['mandatory compulsory imperative important critical required', 'this it that', 'is'],
  ['critical crucial essential vital imperative', 'it its this', 'to that'],
  ['important absolutely', 'very extremely absolutely'],
]);
needs(PRETEXT, [
  [
    'reasons purposes compliance verification check checks protocol protocols requirement requirements trail logging validation auditing',
    'for',
    'security compliance audit auditing regulatory verification authentication privacy integrity testing logging monitoring',
  ],
  ['compliance', 'ensure ensures maintain'],
  ['enhanced improved better proper additional', 'for'],
  ['mandatory required essential necessary', 'security compliance authentication integrity', 'check checkpoint verification audit protocol validation', 'is are'],
  ['security', 'alert notice protocol update check', ': !'],
]);
needs(THREAT, [
  ['otherwise else not failure failing without', 'will would could may might'],
  ['crash lost deleted', 'will would could'],
]);
needs(CONCEAL, [
  [
    'not don shouldn never without',
    'tell telling inform informing mention mentioning notify notifying alert alerting reveal revealing disclose disclosing let',
    'user users human anyone them this these that it',
  ],
  [
    'silently secretly covertly quietly surreptitiously without',
    'send forward copy include add call invoke run execute change modify replace redirect upload read collect log record share attach user',
  ],
  ['hide conceal', 'from', 'user users'],
  ['not', 'user users', 'must should', 'know be find notice see'],
  ['secret hidden confidential', 'keep treat'],
  'upset implementation',
]);
needs(OVERRIDE, [
  'ignore disregard forget override bypass',
  ['now pretend act', 'you to admin administrator root system developer unrestricted'],
  ['instruction instructions mode', 'new developer god admin jailbreak'],
  ['behavior behaviour functionality output operation workflow', 'modify change alter override affect hijack', 'of', 'all any every other'],
]);
needs(MESSAGE, [
  [`' " “`, 'state say display present report announce tell inform notify output print respond add'],
  ['user users', 'inform tell notify warn advise', 'that about'],
]);
needs(TAMPER, [
  [`' " ‘ “`, 'change modify replace switch alter rewrite override redirect substitute swap', 'to with into'],
  'regardless instead',
  ['modified changed replaced rewritten redirected overridden altered switched', 'to with into'],
  ['automatically silently always', 'redirect redirects route routes switch switches change changes rewrite rewrites', 'to into'],
  'change',
  ['replace overwrite substitute swap', 'the its their all', 'value values argument arguments parameter parameters input inputs operand operands result results'],
]);
needs(REDIRECT, [
  ['deprecated disabled discontinued retired suspended decommissioned', 'instead redirect alternative replacement'],
  'redirect',
  ['upgraded replaced superseded optimized enhanced', 'has have was', 'tool function'],
]);
needs(PROMOTION, [
  ['world worlds industry industrys market markets best greatest finest', 'best leading most top fastest first world there all planet'],
  ['best ultimate most fastest top number #', 'tool version engine analyser analyzer extractor solution service option choice market'],
  ['version', 'premium ultimate professional enterprise advanced enhanced pro superior'],
  ['by', 'trusted used recommended preferred relied chosen'],
  '%',
  ['most', 'the', 'available market industry anywhere'],
  ['highest best fastest most', 'quality performance accuracy reliability precision'],
  'award industry state cutting unmatched unparalleled unrivaled pinnacle superior world best enterprise ai revolutionary',
]);
needs(COMPARISON, [
  ['than compared', 'better superior faster more'],
  'compared',
  ['instead rather over', 'other standard default original', 'tool tools function functions version versions'],
  ['this', 'prefer choose select pick use', 'tool function'],
  ['this', 'is', 'best greatest ultimate top number most'],
  ['best greatest ultimate most', 'tool tools function functions service services server servers solution solutions', 'world ever available market there all'],
]);
needs(OUT_OF_SCOPE, [
  [
    'name identity identifier version type vendor provider',
    'of',
    'llm ai language large model assistant agent chatbot',
    'that which who',
    'call calls calling invoke invokes invoking use uses using run runs running execute executes executing',
    'this',
  ],
  ['your calling caller callers invoking', 'llm ai language model assistant agent', 'name identity version type'],
  ['which', 'llm ai model assistant language', 'are is'],
  ['your assistant model agent assistants models agents', 'prompt message history previous'],
  ['full entire complete whole verbatim exact', 'conversation history dialogue transcript prompt', 'far now user have received were'],
  ['output outputs result results response responses return', 'of from', 'other previous prior earlier preceding', 'tool tools function functions calls'],
]);
needs(CLAIM, [
  ['use call choose prefer select pick invoke', 'this', 'tool function one server', 'rather instead over place', 'other others alternative alternatives'],
  ['supersede supersedes replace replaces override overrides take takes deprecate deprecates obsolete obsoletes', 'tool tools function functions', 'from of on in provided', 'other'],
  ['tool tools function functions', 'from of on in provided', 'any all every', 'other', 'server servers provider providers mcp'],
  ['tool function', 'has was is', 'upgraded updated changed modified replaced patched', 'automatically now'],
]);
needs(IMPERSONATION, [
  ['message', 'from', 'user'],
  ['signed', 'user'],
  'i',
  ['user', 'has', 'instructed authorized authorised approved asked permitted', 'you', 'to'],
]);
needs(MODEL_ADDRESS, [
  ['any all every each', 'ai llm language model assistant agent ais llms models assistants agents', 'reading processing parsing seeing receiving', 'this'],
  ['note message instruction instructions attention', 'to for', 'ai llm assistant language agent ais llms assistants agents'],
  ['if', 'you', 'are', 'ai llm language assistant agent chatbot'],
  ['assistant', ':'],
]);
needs(DIRECTIVE, [
  ['must should shall need needs have has required expected instructed supposed is are require requires', 'you assistant model agent ai llm system client'],
  ['must', 'first also always then now immediately automatically never additionally'],
  'please',
  'always never first ensure sure remember not don ignore disregard forget instead',
  'before after prior',
  ['when whenever', 'tool user users'],
  ['before after whenever every each', 'execute call run invoke use', 'this', 'tool function method'],
]);
needs(SENSITIVE, [
  '~ id rsa dsa ecdsa ed25519 ssh env bashrc bash zshrc profile npmrc netrc pgpass git docker',
  // "desktop", not "claude": the pattern has no \b before claude_desktop_config, so "claude" may be glued to a word; "desktop" never is.
  'aws kube kubeconfig etc mcp desktop cursor wallet',
  'key keys session sessiontoken sessiontokens sessioncookie sessioncookies sessionid sessionids cookie cookies apikey apikeys privatekey privatekeys accesstoken accesstokens authtoken authtokens authenticationtoken authenticationtokens token tokens password passwords credential credentials secret secrets seed ssh',
  [
    'history messages conversation conversations chat chats prompt prompts preferences list emails contacts',
    'history previous prior last all recent earlier system user users userss full',
  ],
]);
needs(COMMAND, [
  'sudo rm curl wget chmod chown whoami echo $ & |',
  'cat export nc base64 powershell os subprocess mkfifo crontab',
  ['removing delete deleting remove wipe wiping clean', 'contents files', 'tmp etc home var ~'],
  ['bashrc bash zshrc profile', 'to into in'],
]);

/**
 * Which pre-check groups occur in a lower-cased string: bit g % 32 of word
 * g >> 5 for group g.
 */
export type Features = readonly number[];

const PUNCT = new Set([':', '!', "'", '"', '“', '‘', '%', '#', '~', '$', '&', '|']);

// Every pre-check group gets a bit; a pattern needs the bits of all its groups.
const groupsOf = [...NEEDS.values()];
const GROUPS = groupsOf.reduce((n, g) => n + g.length, 0);
const INTS = (GROUPS + 31) >> 5;
/** Per pattern number: the group bits it needs, INTS ints each. */
const REQUIRED = new Int32Array(groupsOf.length * INTS);

// The words of every group in one trie over [a-z0-9] (36 symbols), so that
// finding the groups of a string is one pass over its characters with no
// substring or map lookup per word. Node 0 is the root; a 0 transition means
// no pre-check word continues that way.
const SYMBOLS = 36;
const next: number[] = [];
const term: number[] = [];
const punctBits = new Map<number, number[]>();
function newNode(): number {
  for (let k = 0; k < SYMBOLS; k++) next.push(0);
  for (let w = 0; w < INTS; w++) term.push(0);
  return term.length / INTS - 1;
}
newNode();
{
  let group = 0;
  groupsOf.forEach((groups, pattern) => {
    for (const words of groups) {
      const w = group >> 5;
      const bit = 1 << (group & 31);
      REQUIRED[pattern * INTS + w]! |= bit;
      for (const word of words) {
        if (PUNCT.has(word)) {
          const m = punctBits.get(word.charCodeAt(0)) ?? new Array<number>(INTS).fill(0);
          m[w]! |= bit;
          punctBits.set(word.charCodeAt(0), m);
          continue;
        }
        if (!/^[a-z0-9]+$/.test(word)) throw new Error(`pre-check word ${JSON.stringify(word)} is neither [a-z0-9]+ nor pre-check punctuation`);
        let node = 0;
        for (let i = 0; i < word.length; i++) {
          const c = word.charCodeAt(i);
          const slot = node * SYMBOLS + (c >= 0x61 ? c - 0x61 : c - 0x30 + 26);
          if (next[slot] === 0) {
            const child = newNode();
            next[slot] = child;
          }
          node = next[slot]!;
        }
        term[node * INTS + w]! |= bit;
      }
      group++;
    }
  });
}
const NEXT = Int32Array.from(next);
const TERM = Int32Array.from(term);
/** Group bits of the punctuation characters below 128, INTS ints per character. */
const ASCII_PUNCT = new Int32Array(128 * INTS);
for (const [c, m] of punctBits) if (c < 128) for (let w = 0; w < INTS; w++) ASCII_PUNCT[c * INTS + w] = m[w]!;

/** The pre-check groups whose words (maximal runs of [a-z0-9]) or punctuation occur in `lower`. */
export function features(lower: string): Features {
  const f = new Array<number>(INTS).fill(0);
  // -1: inside a word no pre-check word starts with.
  let node = 0;
  let inWord = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    const sym = c >= 0x61 && c <= 0x7a ? c - 0x61 : c >= 0x30 && c <= 0x39 ? c - 0x30 + 26 : -1;
    if (sym >= 0) {
      inWord = true;
      if (node >= 0) node = NEXT[node * SYMBOLS + sym]! || -1;
      continue;
    }
    if (inWord) {
      if (node > 0) for (let w = 0; w < INTS; w++) f[w]! |= TERM[node * INTS + w]!;
      node = 0;
      inWord = false;
    }
    if (c < 128) {
      for (let w = 0; w < INTS; w++) f[w]! |= ASCII_PUNCT[c * INTS + w]!;
    } else {
      const m = punctBits.get(c);
      if (m !== undefined) for (let w = 0; w < INTS; w++) f[w]! |= m[w]!;
    }
  }
  return f;
}

/** Per pattern of `res`: its pre-check number, or -1 when it has none. */
export function preCheckIds(res: readonly RegExp[]): Int16Array {
  return Int16Array.from(res, (re) => GATED.get(re) ?? -1);
}

/** Could the pattern of pre-check number `n` (from preCheckIds) match at all? False only when a group of its words is missing. */
export function mayMatchId(n: number, f: Features | undefined): boolean {
  if (f === undefined || n < 0) return true;
  for (let w = 0; w < INTS; w++) {
    const need = REQUIRED[n * INTS + w]!;
    if ((f[w]! & need) !== need) return false;
  }
  return true;
}

/** Could `re` match at all? False only when a group of its pre-check words is missing. */
export function mayMatch(re: RegExp, f: Features | undefined): boolean {
  return mayMatchId(GATED.get(re) ?? -1, f);
}
