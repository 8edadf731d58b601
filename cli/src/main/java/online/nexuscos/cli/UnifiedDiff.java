package online.nexuscos.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts (longest common subsequence of lines, 3 lines of context). */
final class UnifiedDiff {

  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  static String diff(String fromName, String from, String toName, String to) {
    List<String> a = from.lines().toList();
    List<String> b = to.lines().toList();
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // Edit script: ' ', '-', '+' with line numbers in a and b.
    List<char[]> ops = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        lines.add(a.get(i++));
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        lines.add(a.get(i++));
      } else {
        ops.add(new char[] {'+'});
        lines.add(b.get(j++));
      }
    }
    StringBuilder out = new StringBuilder("--- " + fromName + "\n+++ " + toName + "\n");
    int k = 0;
    int lineA = 1;
    int lineB = 1;
    while (k < ops.size()) {
      if (ops.get(k)[0] == ' ') {
        k++;
        lineA++;
        lineB++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int startA = lineA - (k - start);
      int startB = lineB - (k - start);
      int end = k;
      int quiet = 0;
      while (end < ops.size() && quiet <= 2 * CONTEXT) {
        quiet = ops.get(end)[0] == ' ' ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
      int countA = 0;
      int countB = 0;
      StringBuilder hunk = new StringBuilder();
      for (int x = start; x < end; x++) {
        char op = ops.get(x)[0];
        hunk.append(op).append(lines.get(x)).append('\n');
        countA += op != '+' ? 1 : 0;
        countB += op != '-' ? 1 : 0;
      }
      out.append("@@ -").append(startA).append(',').append(countA).append(" +").append(startB).append(',')
          .append(countB).append(" @@\n").append(hunk);
      for (int x = k; x < end; x++) {
        char op = ops.get(x)[0];
        lineA += op != '+' ? 1 : 0;
        lineB += op != '-' ? 1 : 0;
      }
      k = end;
    }
    return out.toString();
  }
}
