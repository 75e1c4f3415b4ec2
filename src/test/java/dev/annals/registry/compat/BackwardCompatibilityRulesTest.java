package dev.annals.registry.compat;

import static dev.annals.registry.compat.Schemas.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each breaking rule is reported alone, at the exact pointer, under its name. */
class BackwardCompatibilityRulesTest {
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            propertyRemoved            | {'properties':{'a':{},'b':{}},'additionalProperties':false} | {'properties':{'a':{}},'additionalProperties':false} | /properties/b
            propertyRemoved            | {'properties':{'a/b~c':{}}}                  | {}                                             | /properties/a~1b~0c
            requiredAdded              | {'properties':{'a':{}}}                      | {'properties':{'a':{}},'required':['a']}       | /required
            requiredAdded              | {'required':['a']}                           | {'required':['a','b']}                         | /required
            typeNarrowed               | {'type':['string','null']}                   | {'type':'string'}                              | /type
            typeNarrowed               | {'type':'number'}                            | {'type':'integer'}                             | /type
            typeNarrowed               | {}                                           | {'type':'string'}                              | /type
            typeNarrowed               | true                                         | {'type':['object','array','string','number','boolean']} | /type
            constraintTightened        | {'minLength':1}                              | {'minLength':2}                                | /minLength
            constraintTightened        | {}                                           | {'minLength':1}                                | /minLength
            constraintTightened        | {'minItems':1}                               | {'minItems':3}                                 | /minItems
            constraintTightened        | {}                                           | {'minProperties':1}                            | /minProperties
            constraintTightened        | {}                                           | {'minimum':0}                                  | /minimum
            constraintTightened        | {'minimum':0}                                | {'minimum':0.5}                                | /minimum
            constraintTightened        | {'exclusiveMinimum':0}                       | {'exclusiveMinimum':1}                         | /exclusiveMinimum
            constraintTightened        | {'maxLength':300}                            | {'maxLength':299}                              | /maxLength
            constraintTightened        | {}                                           | {'maxItems':10}                                | /maxItems
            constraintTightened        | {'maxProperties':5}                          | {'maxProperties':4}                            | /maxProperties
            constraintTightened        | {'maximum':10}                               | {'maximum':9.99}                               | /maximum
            constraintTightened        | {}                                           | {'exclusiveMaximum':100}                       | /exclusiveMaximum
            constraintTightened        | {'uniqueItems':false}                        | {'uniqueItems':true}                           | /uniqueItems
            constraintTightened        | {}                                           | {'uniqueItems':true}                           | /uniqueItems
            constraintTightened        | {}                                           | {'multipleOf':2}                               | /multipleOf
            constraintTightened        | {'multipleOf':2}                             | {'multipleOf':3}                               | /multipleOf
            constraintTightened        | {'multipleOf':0.5}                           | {'multipleOf':1}                               | /multipleOf
            constraintTightened        | {'contains':{},'minContains':1}              | {'contains':{},'minContains':2}                | /minContains
            constraintTightened        | {'contains':{},'minContains':0}              | {'contains':{}}                                | /minContains
            constraintTightened        | {'contains':{}}                              | {'contains':{},'maxContains':3}                | /maxContains
            patternChanged             | {'type':'string'}                            | {'type':'string','pattern':'^a'}               | /pattern
            patternChanged             | {'pattern':'^[a-z]+$'}                       | {'pattern':'^[a-z0-9]+$'}                      | /pattern
            formatChanged              | {}                                           | {'format':'date-time'}                         | /format
            formatChanged              | {'format':'date'}                            | {'format':'date-time'}                         | /format
            enumValueRemoved           | {'enum':['a','b']}                           | {'enum':['a']}                                 | /enum
            enumAdded                  | {'type':'string'}                            | {'type':'string','enum':['a']}                 | /enum
            constChanged               | {}                                           | {'const':'a'}                                  | /const
            constChanged               | {'const':'a'}                                | {'const':'b'}                                  | /const
            additionalPropertiesClosed | {}                                           | {'additionalProperties':false}                 | /additionalProperties
            additionalPropertiesClosed | {'additionalProperties':true}                | {'additionalProperties':false}                 | /additionalProperties
            additionalPropertiesClosed | {'additionalProperties':{'type':'string'}}   | {'additionalProperties':false}                 | /additionalProperties
            additionalPropertiesClosed | {}                                           | {'additionalProperties':{'type':'string'}}     | /additionalProperties
            typeNarrowed               | {'additionalProperties':{'type':['string','integer']}} | {'additionalProperties':{'type':'string'}} | /additionalProperties/type
            propertyAddedToOpenModel   | {}                                           | {'properties':{'a':{'type':'string'}}}         | /properties/a
            propertyAddedToOpenModel   | {'additionalProperties':true}                | {'properties':{'a':false}}                     | /properties/a
            propertyAddedToOpenModel   | {'additionalProperties':{'type':'string'}}   | {'properties':{'a':{'type':'string','maxLength':3}},'additionalProperties':{'type':'string'}} | /properties/a
            propertyAddedToOpenModel   | {'patternProperties':{'^x-':{}},'additionalProperties':false} | {'patternProperties':{'^x-':{}},'properties':{'x-a':{'type':'string'}},'additionalProperties':false} | /properties/x-a
            schemaClosed               | {'properties':{'a':true}}                    | {'properties':{'a':false}}                     | /properties/a
            schemaClosed               | {'items':{'type':'string'}}                  | {'items':false}                                | /items
            schemaClosed               | true                                         | false                                          | ""
            typeNarrowed               | {'items':{'type':['string','number']}}       | {'items':{'type':'number'}}                    | /items/type
            constraintTightened        | {}                                           | {'items':{'maxLength':5}}                      | /items/maxLength
            typeNarrowed               | {'prefixItems':[{'type':'string'}]}          | {'prefixItems':[{'type':'integer'}]}           | /prefixItems/0/type
            constraintTightened        | {'items':{'type':'string'}}                  | {'prefixItems':[{'type':'string','maxLength':2}],'items':{'type':'string'}} | /prefixItems/0/maxLength
            schemaClosed               | {'prefixItems':[{},{}],'items':false}        | {'prefixItems':[{}],'items':false}             | /items
            patternChanged             | {'$defs':{'id':{'type':'string'}}}           | {'$defs':{'id':{'type':'string','pattern':'^a'}}} | /$defs/id/pattern
            constraintTightened        | {'definitions':{'n':{'maximum':9}}}          | {'definitions':{'n':{'maximum':8}}}            | /definitions/n/maximum
            typeNarrowed               | {'patternProperties':{'^x-':{'type':['string','null']}}} | {'patternProperties':{'^x-':{'type':'string'}}} | /patternProperties/^x-/type
            unsupportedChange          | {}                                           | {'allOf':[{'type':'string'}]}                  | /allOf
            unsupportedChange          | {'anyOf':[{'type':'string'},{'type':'null'}]} | {'anyOf':[{'type':'string'}]}                 | /anyOf
            unsupportedChange          | {'oneOf':[{'minimum':1}]}                    | {'oneOf':[{'minimum':2}]}                      | /oneOf
            unsupportedChange          | {'not':{'type':'null'}}                      | {'not':{'type':'string'}}                      | /not
            unsupportedChange          | {'if':{'minimum':1},'then':{'maximum':2}}    | {'if':{'minimum':0},'then':{'maximum':2}}      | /if
            unsupportedChange          | {'$ref':'#/$defs/a'}                         | {'$ref':'#/$defs/b'}                           | /$ref
            unsupportedChange          | {'$dynamicRef':'#node'}                      | {'$dynamicRef':'#leaf'}                        | /$dynamicRef
            unsupportedChange          | {}                                           | {'dependentRequired':{'a':['b']}}              | /dependentRequired
            unsupportedChange          | {}                                           | {'dependentSchemas':{'a':{'required':['b']}}}  | /dependentSchemas
            unsupportedChange          | {'contains':{'type':'string'}}               | {'contains':{'type':'number'}}                 | /contains
            unsupportedChange          | {}                                           | {'unevaluatedProperties':false}                | /unevaluatedProperties
            unsupportedChange          | {'propertyNames':{'maxLength':9}}            | {}                                             | /propertyNames
            unsupportedChange          | {'$defs':{'id':{'type':'string'}}}           | {}                                             | /$defs/id
            unsupportedChange          | {'minLength':'1'}                            | {'minLength':'2'}                              | /minLength
            unsupportedChange          | {'patternProperties':{'^x-':{}}}             | {'patternProperties':{'^x-':{},'^y-':{'type':'string'}}} | /patternProperties/^y-
            unsupportedChange          | {'patternProperties':{'^x-':{'type':'string'}},'additionalProperties':false} | {'additionalProperties':false} | /patternProperties/^x-
            """)
    void isReportedAloneAtItsPointer(String rule, String previous, String next, String pointer) {
        assertEquals(List.of(pointer + " " + rule), found(previous, next));
    }
}
