package org.ccmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void esc_escapesMarkupAndQuotes() {
    assertThat(Report.esc("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void money_isLocaleIndependent() {
    assertThat(Report.money(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
  }
}
