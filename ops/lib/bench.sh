# What the benchmarks (ops/bench.sh, ops/bench-pages.sh) read from the load generator's lines and
# how they sum up their rounds; sourced by them.

# field LOG SCENARIO KEY: a value from a load generator's output (its "scenario=SCENARIO …" line).
field() { awk -v s="scenario=$2" -v k="$3" '$1 == s { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$1"; }

# medians: the rounds' lines (key=value …, the same keys in each) on stdin; prints the median of
# each figure over the rounds in the same form, after "median_of=N" (one slow round, common on a
# shared machine, does not decide a figure). Ratios (…ratio, …_to_…) and seconds (_s) get 2
# decimals, milliseconds (_ms) 1, rates (_per_s) and the rest none.
medians() {
  awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); keys[i] = kv[1]; values[kv[1], NR] = kv[2] } fields = NF }
  END {
    line = ""
    for (i = 1; i <= fields; i++) {
      n = 0; delete sorted
      for (r = 1; r <= NR; r++) sorted[++n] = values[keys[i], r] + 0
      for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) if (sorted[b] < sorted[a]) { t = sorted[a]; sorted[a] = sorted[b]; sorted[b] = t }
      median = n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
      line = line sprintf("%s%s=%s", i > 1 ? " " : "", keys[i], keys[i] ~ /ratio|fresh$|_to_/ || (keys[i] ~ /_s$/ && keys[i] !~ /_per_s$/) ? sprintf("%.2f", median) : keys[i] ~ /_ms$/ ? sprintf("%.1f", median) : sprintf("%.0f", median))
    }
    print "median_of=" NR " " line
  }'
}
