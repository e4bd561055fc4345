// ESLint flat config (run with `npm run lint`, which points here).
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      ".cache/",
      ".data/",
      "app/server/db/generated/",
      "tests/.artifacts/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18.3" } },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      "react/prop-types": "off",
      // Stored post HTML is sanitised with an allow-list when saved (app/domain/markdown).
      "react/no-danger": "off",
    },
  },
  {
    // The domain layer holds the product's rules and must stay free of the framework and database.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@remix-run/*", "react", "react-dom", "@prisma/*", "pg", "~/server/*", "**/server/**"],
              message: "app/domain must not depend on Remix, React, Prisma or server modules.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components draw what they are given; the types they share with the server live in app/domain.
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/server/*", "**/server/**"],
              message: "Components take their types from app/domain, not from server modules.",
            },
          ],
        },
      ],
    },
  },
  {
    // Server modules talk to the outside; they never reach into React components.
    files: ["app/server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/components/*", "**/components/**"],
              message: "Server modules take their types from app/domain, not from components.",
            },
          ],
        },
      ],
    },
  },
  // Layout is Prettier's job (npm run format; checked by npm run lint): ESLint's own layout rules are off.
  prettier,
);
