// Types for the parser the metrics tests read /metrics with (the package ships none).
declare module "parse-prometheus-text-format" {
  export interface Sample {
    value?: string;
    labels?: Record<string, string>;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  export interface MetricFamily {
    name: string;
    help: string;
    type: "COUNTER" | "GAUGE" | "HISTOGRAM" | "SUMMARY" | "UNTYPED";
    metrics: Sample[];
  }
  /** Throws on a line that is not valid Prometheus text format. */
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
