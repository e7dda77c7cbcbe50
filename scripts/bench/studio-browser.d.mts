export declare const chromiumPath: string;
export declare const chromiumArgs: string[];
export declare function median(values: number[]): number;
export declare function summary(values: number[]): string;
export declare function assertChromium(): void;
