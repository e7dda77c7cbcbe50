import Joi from 'joi';

/** What `/metrics` offers and to whom. */
export interface MetricsConfig {
	enabled: boolean;
	/** Bearer tokens a scraper may present instead of signing in as an admin. */
	tokens: string[];
}

const flag = Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '');

/** The METRICS_* variables, merged into the environment schema. */
export const metricsVariables = {
	METRICS_ENABLED: flag.default(true),
	// Comma-separated; each token long enough that guessing one is no shortcut to the numbers.
	METRICS_TOKENS: Joi.string()
		.allow('')
		.pattern(/^\s*([^\s,]{16,})?(\s*,\s*[^\s,]{16,})*\s*$/)
		.default('')
		.messages({
			'string.pattern.base': '{{#label}} must be a comma-separated list of tokens of at least 16 characters each',
		}),
};

export function metricsConfig(v: Record<string, unknown>): MetricsConfig {
	return {
		enabled: Boolean(v.METRICS_ENABLED),
		tokens: String(v.METRICS_TOKENS ?? '')
			.split(',')
			.map((token) => token.trim())
			.filter(Boolean),
	};
}
