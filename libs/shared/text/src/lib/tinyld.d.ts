// tinyld publishes its types behind package "exports", which this workspace's
// `moduleResolution: node` does not read; this is the part of its API the lib uses.
declare module 'tinyld/heavy' {
  export interface DetectOption {
    readonly only: string[];
    readonly verbose: boolean;
  }
  export function detect(text: string, options?: Partial<DetectOption>): string;
  export function detectAll(
    text: string,
    options?: Partial<DetectOption>,
  ): { lang: string; accuracy: number }[];
}
