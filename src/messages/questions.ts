// The "Questions" menu: each question as users ask it, and what to look at once it is set up.

export interface QuestionText {
  title: string;
  /** What the preset set up and where the answer is. */
  lookAt: string;
}

export const QUESTION_TEXT: Readonly<Record<string, QuestionText>> = {
  'asic-vs-b200': {
    title: 'Can a transformer ASIC beat B200 on $/M for a 70B model?',
    lookAt: 'Llama 3.1 70B in fp8 on B200, GB200 and the transformer ASICs (Etched Sohu, MatX One). Look at the $/M output tokens column and the cost bars. The ASICs are announced parts: their figures are vendor estimates (*), and their efficiency is the prior, not fitted (◇ claims only): open any number to see which inputs are estimates.',
  },
  'fast-inference-300': {
    title: 'Groq/Cerebras vs GPUs at 300 tok/s per user',
    lookAt: 'Every user gets 300 tokens/s (time per output token ≤ 3.33 ms). SRAM systems use as many chips as hold the model. Look at which chips can serve it at all (infeasible rows say by how much they miss), then at $/M output tokens among those that can.',
  },
  'nvl72-vs-box': {
    title: 'NVL72 rack vs 8-GPU box',
    lookAt: 'DeepSeek-V3 (a large mixture-of-experts model) on a GB200 NVL72 rack (72 GPUs in one NVLink domain) and on B200 and B300 8-GPU servers. Look at tokens/s per chip and per user, $/M, and the Deployment column (expert parallelism across the rack).',
  },
  'distil-70b-to-8b': {
    title: 'Distil 70B to 8B: how much cheaper?',
    lookAt: 'Tokens/s per dollar across dense model sizes on the main chips. Compare the Llama 3.1 8B and 70B dots on each chip\'s line (the table under the chart lists both): the ratio is how much more output a dollar buys after distilling.',
  },
  'prompt-caching-rag': {
    title: 'What does prompt caching save on a RAG workload?',
    lookAt: 'A RAG request: 8,192 prompt tokens (retrieved documents) and a 256-token answer, with 75% of the prompt served from the prefix cache. Look at TTFT and $/M; then set Prefix-cache hit rate to 0 to see the same workload without caching.',
  },
  'long-context-128k': {
    title: '128k-context chat',
    lookAt: '120,000 tokens of conversation plus a 1,000-token answer on Llama 3.1 70B (128k window), first token within 30 s. Look at TTFT, at which chips still fit the KV cache (open "Largest batch that fits"), and at how far $/M rises against a short chat.',
  },
};

export const QUESTIONS_UI = {
  menu: 'Questions',
  placeholder: 'Questions…',
  guideTitle: (title: string) => `Question: ${title}`,
  dismiss: 'Dismiss',
} as const;
