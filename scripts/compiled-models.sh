#!/usr/bin/env bash
# Generates the EF Core compiled models again (src/TpmPrep.Web/Data/CompiledModels), after any change to an entity or
# its configuration; a test (TheCompiledModelsAreTheModelTheCodeBuilds) fails until this has been run.
# The app names each model itself (DatabaseSetup.AddTpmPrepData), so the generated assembly attributes, which would make
# EF Core pick the compiled model even where the tests want the model built from the code, are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for pair in SqliteAppDbContext:Sqlite PostgresAppDbContext:PostgreSql; do
  context=${pair%%:*} folder=${pair##*:}
  # Generated beside the old model and swapped in afterwards: the app names the old one, so it must build first.
  out="Data/CompiledModels/$folder.new"
  rm -rf "src/TpmPrep.Web/$out"
  dotnet ef dbcontext optimize --project src/TpmPrep.Web --context "$context" \
    --output-dir "$out" --namespace "TpmPrep.Web.Data.CompiledModels.$folder"
  rm -f "src/TpmPrep.Web/$out/${context}AssemblyAttributes.cs"
  rm -rf "src/TpmPrep.Web/Data/CompiledModels/$folder"
  mv "src/TpmPrep.Web/$out" "src/TpmPrep.Web/Data/CompiledModels/$folder"
done
rm -f src/TpmPrep.Web/design-time.db*
