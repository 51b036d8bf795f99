package dev.visionary.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import org.junit.jupiter.api.Test;

class AccountBrowserIT {

  @Test
  void aNewPersonSignsUpSignsOutAndSignsBackIn() {
    String name = Accounts.uniqueName("maria");
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      page.navigate("/");
      page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Create account")).click();
      assertThat(page).hasTitle("Create account · Visionary");
      Browser.screenshots(page, "signup");
      page.getByLabel("Username").fill(name);
      page.getByLabel("Password").fill("short");
      page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
      assertThat(page.getByTestId("error")).containsText("at least 10 characters");
      Browser.screenshots(page, "signup-error");
      assertThat(page.getByLabel("Username")).hasValue(name);

      page.getByLabel("Password").fill(Accounts.PASSWORD);
      page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
      assertThat(page).hasTitle("Studio · Visionary");
      assertThat(page.locator(".account .who")).hasText(name);

      page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
      assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();

      page.navigate("/settings");
      assertThat(page).hasTitle("Sign in · Visionary");
      Browser.screenshots(page, "login");
      page.getByLabel("Username").fill(name);
      page.getByLabel("Password").fill(Accounts.PASSWORD);
      page.getByLabel("Password").press("Control+Enter");
      assertThat(page).hasTitle("Settings · Visionary");
      assertThat(page.locator(".account .who")).hasText(name);
      Browser.screenshots(page, "settings");
    }
  }
}
