---
to: src/commands/<%= name %>/.npmignore
unless_exists: true
---
# Tests and development files stay out of the package
test/
*.test.ts
*.spec.ts
tsconfig*.json
*.tsbuildinfo
.DS_Store
