"""IHOP v1 harness for python-jsonschema, with a `referencing` Registry built from the case's registry.

Nothing is ever retrieved: a reference outside the registry is Unresolvable, reported as an error.
"""

import jsonschema
import jsonschema.validators
import referencing
import referencing.jsonschema

from ihop import distribution_version, ASSERT_FORMATS, implementation, serve

VALIDATORS = {
    "https://json-schema.org/draft/2020-12/schema": jsonschema.Draft202012Validator,
    "https://json-schema.org/draft/2019-09/schema": jsonschema.Draft201909Validator,
    "http://json-schema.org/draft-07/schema#": jsonschema.Draft7Validator,
    "http://json-schema.org/draft-06/schema#": jsonschema.Draft6Validator,
    "http://json-schema.org/draft-04/schema#": jsonschema.Draft4Validator,
}


def compile_case(schema, registry, dialect):
    cls = VALIDATORS[dialect]
    # Documents without $schema are read in the dialect of the run, as the client says.
    default = referencing.jsonschema.specification_with(dialect)
    resources = [(uri, referencing.Resource.from_contents(doc, default_specification=default)) for uri, doc in registry.items()]
    validator = cls(
        schema,
        registry=referencing.Registry().with_resources(resources),
        format_checker=cls.FORMAT_CHECKER if ASSERT_FORMATS else None,
    )
    return validator.is_valid


if __name__ == "__main__":
    serve(
        implementation(
            "jsonschema",
            distribution_version("jsonschema", jsonschema),
            list(VALIDATORS),
            "https://python-jsonschema.readthedocs.io/",
            "https://github.com/python-jsonschema/jsonschema",
        ),
        compile_case,
    )
